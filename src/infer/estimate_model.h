#pragma once
// The posterior of true flows given reports. Parameters θ:
//   x[k][t]  log daily departures of leavers into corridor k (random walk in t, free jump at
//            the shock: the surge),
//   o[k]     log daily ordinary traffic of corridor k (counted in entries and exits),
//   β[s]     log bias of source s (estimates and claims only).
// Observation model per report kind, on the log scale: counts N small error, estimates and
// claims a source bias and wide error, all Student-t (one wild figure cannot drag the rest);
// lower bounds and denials one-sided (probit). Exact gradient and Hessian, for the Laplace
// approximation.
#include <Eigen/Dense>
#include <string>
#include <vector>

#include "observe/flow_layout.h"
#include "observe/report_weights.h"
#include "world/reports.h"

namespace exodus {

struct EstimatePriors {
  double pre_shock_log_mean = 3.4;  // log(30): a few leavers a day before the shock
  double pre_shock_log_sd = 1.5;
  double daily_log_sd = 0.25;       // day-to-day change of log departures
  double shock_jump_sd = 2.5;       // the surge at the shock
  double ordinary_log_mean = 6.9;   // log(1000) ordinary travellers a day
  double ordinary_log_sd = 2.5;
  double source_bias_sd = 0.35;
  double count_sd = 0.05, estimate_sd = 0.3, claim_sd = 0.8, bound_sd = 0.1, denial_sd = 0.5;
  double student_nu = 4;
};

class EstimateModel {
 public:
  EstimateModel(FlowLayout layout, const ReportSet& reports, EstimatePriors priors = {});

  std::size_t size() const { return n_; }
  const FlowLayout& layout() const { return layout_; }
  const std::vector<Report>& reports() const { return reports_; }
  const std::vector<ReportWeights>& weights() const { return weights_; }
  const std::vector<std::string>& sources() const { return sources_; }
  const EstimatePriors& priors() const { return priors_; }
  std::size_t x_index(std::size_t k, std::size_t t) const { return k * static_cast<std::size_t>(layout_.days) + t; }
  std::size_t ordinary_index(std::size_t k) const { return x_count_ + k; }
  std::size_t bias_index(std::size_t s) const { return x_count_ + layout_.corridor_count() + s; }
  int source_of(std::size_t report) const { return report_source_[report]; }

  // How the curvature is reported: the exact Hessian, or the expected (Fisher) information of
  // the observations plus the exact prior curvature. The Fisher form is negative definite
  // everywhere (Student-t likelihoods are not log-concave), so it always yields a Gaussian
  // proposal; importance weights then correct for the difference.
  enum class Curvature { kExact, kFisher };

  // log posterior (up to a constant); gradient and curvature when asked.
  double log_posterior(const Eigen::VectorXd& theta, Eigen::VectorXd* grad = nullptr,
                       Eigen::MatrixXd* hessian = nullptr, Curvature curvature = Curvature::kExact) const;
  // A starting point for the optimiser.
  Eigen::VectorXd initial() const;
  // Departures[k][t] and ordinary[k] for a parameter vector.
  void flows(const Eigen::VectorXd& theta, std::vector<std::vector<double>>& departures,
             std::vector<double>& ordinary) const;
  // Observation sd on the log scale for a report (its kind, widened by a range).
  double log_sd(const Report& r) const;

 private:
  FlowLayout layout_;
  std::vector<Report> reports_;
  std::vector<ReportWeights> weights_;
  std::vector<std::string> sources_;
  std::vector<int> report_source_;  // -1: no bias term
  EstimatePriors priors_;
  std::size_t x_count_ = 0, n_ = 0;
};

}  // namespace exodus
