#pragma once
// The posterior of true flows given reports.
//
// Daily departures of leavers into corridor k on day t: 1000 · softplus(x[k][t]) with
//     x[k][t] = f[t] + a[k] + e[k][t]
//   f  a profile shared by all corridors: a slow random walk before the shock, a free jump at
//      the shock (the surge), a fast random walk in the two weeks after, a slow one later;
//   a  each corridor's level against that profile;
//   e  each corridor's own slow drift (it may jump at the shock too).
// Corridors no report names follow the shared profile at an uncertain level, so totals over
// ALL stay plausible. Also: o[k] log daily ordinary traffic (counted in entries and exits) and
// β[s] the log bias of source s (estimates and claims only). Flows are nearly linear in the
// parameters where they are large, so the sums reports measure keep the posterior close to
// Gaussian (a log scale made totals split across corridors a curved ridge).
//
// Observation model per report kind, on the log scale: counts a small error, estimates and
// claims a source bias and a wide error, all Student-t (one wild figure cannot drag the rest);
// lower bounds and denials one-sided (probit). Exact gradient; curvature exact or as expected
// information, for the Laplace approximation.
#include <Eigen/Dense>
#include <string>
#include <vector>

#include "observe/flow_layout.h"
#include "observe/report_weights.h"
#include "world/reports.h"

namespace exodus {

struct EstimatePriors {
  // Flows are 1000 · softplus(parameter) persons a day (see flow_of): a parameter of 10 is
  // about 10,000 a day, of -3 about 50 a day. The priors below are on that scale.
  double pre_shock_mean = -3.0;      // ~50 leavers a day per corridor before the shock
  double pre_shock_sd = 2.0;
  double quiet_daily_sd = 0.3;       // day-to-day change of the shared profile, outside the surge
  double shock_jump_sd = 10.0;       // the jump at the shock (up to ~10,000 a day per sd)
  double surge_daily_sd = 2.0;       // day-to-day change in the 14 days after the shock
  double surge_days = 14;
  double corridor_level_sd = 5.0;    // a[k]
  double corridor_drift_sd = 0.3;    // e[k] day to day
  double corridor_jump_sd = 3.0;     // e[k] at the shock
  double ordinary_mean = 1.0;        // ordinary travellers (~1,300 a day)
  double ordinary_sd = 5.0;
  double known_ordinary_share = 0.3; // when the layout knows a corridor's ordinary traffic
  double source_bias_sd = 0.35;
  double count_sd = 0.1, estimate_sd = 0.3, claim_sd = 0.8, bound_sd = 0.1, denial_sd = 0.5;
  double student_nu = 4;
};

class EstimateModel {
 public:
  EstimateModel(FlowLayout layout, const ReportSet& reports, EstimatePriors priors = {});

  // kClipped: the exact Hessian without the terms that would make it indefinite.
  enum class Curvature { kExact, kFisher, kClipped };

  std::size_t size() const { return n_; }
  const FlowLayout& layout() const { return layout_; }
  const std::vector<Report>& reports() const { return reports_; }
  const std::vector<ReportWeights>& weights() const { return weights_; }
  const std::vector<std::string>& sources() const { return sources_; }
  const EstimatePriors& priors() const { return priors_; }
  int source_of(std::size_t report) const { return report_source_[report]; }

  // Parameter layout: [f (T) | a (K) | e (K·T) | o (K) | β (S)].
  std::size_t f_index(std::size_t t) const { return t; }
  std::size_t a_index(std::size_t k) const { return T_ + k; }
  std::size_t e_index(std::size_t k, std::size_t t) const { return T_ + K_ + k * T_ + t; }
  std::size_t ordinary_index(std::size_t k) const { return T_ + K_ + K_ * T_ + k; }
  std::size_t bias_index(std::size_t s) const { return T_ + 2 * K_ + K_ * T_ + s; }

  // log posterior (up to a constant); gradient and curvature when asked. The Fisher form of the
  // curvature is negative definite everywhere (Student-t likelihoods are not log-concave).
  double log_posterior(const Eigen::VectorXd& theta, Eigen::VectorXd* grad = nullptr,
                       Eigen::MatrixXd* hessian = nullptr, Curvature curvature = Curvature::kExact) const;
  Eigen::VectorXd initial() const;
  // The prior's mean (the prior is Gaussian), and a draw from it (for calibration checks).
  Eigen::VectorXd prior_mean() const;
  // The curvature in two parts, for the Laplace proposal: the prior's precision (constant:
  // the prior is Gaussian) and one column per used report, sqrt(information) · ∂u/∂θ, so that
  // the expected-information curvature is -(P + D Dᵀ).
  Eigen::MatrixXd prior_precision() const;
  Eigen::MatrixXd data_directions(const Eigen::VectorXd& theta) const;
  // Departures[k][t] and ordinary[k] for a parameter vector.
  void flows(const Eigen::VectorXd& theta, std::vector<std::vector<double>>& departures,
             std::vector<double>& ordinary) const;
  double log_sd(const Report& r) const;

 private:
  double log_prior(const Eigen::VectorXd& theta, Eigen::VectorXd* grad, Eigen::MatrixXd* hessian) const;
  // Likelihood on "flow space" y = [x (K·T) | o (K) | β (S)].
  double log_likelihood(const Eigen::VectorXd& y, Eigen::VectorXd* grad, Eigen::MatrixXd* hessian,
                        Curvature curvature, std::vector<Eigen::VectorXd>* directions = nullptr) const;
  Eigen::VectorXd pull_back(const Eigen::VectorXd& flow_space_vector) const;
  Eigen::VectorXd to_flow_space(const Eigen::VectorXd& theta) const;
  std::size_t x_index(std::size_t k, std::size_t t) const { return k * T_ + t; }

  FlowLayout layout_;
  std::vector<Report> reports_;
  std::vector<ReportWeights> weights_;
  std::vector<std::string> sources_;
  std::vector<int> report_source_;  // -1: no bias term
  EstimatePriors priors_;
  std::size_t K_ = 0, T_ = 0, S_ = 0, n_ = 0, flow_n_ = 0;
};

}  // namespace exodus
