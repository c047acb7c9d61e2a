#pragma once
// The posterior of true flows given reports.
//
// Leavers are counted from the shock on: before it, all traffic is ordinary (that is what
// reports before a shock measure, and what lets them pin ordinary traffic down). Daily
// departures of leavers into corridor k on day t >= shock: 1000 · softplus(x[k][t]) with
//     x[k][t] = f(t) + a[k] + e[k](t)
//   f  a profile shared by all corridors: its level at the shock, a fast random walk in the
//      surge (the first two weeks), a slow one later; knots daily in the surge, weekly after;
//   a  each corridor's level against that profile;
//   e  each corridor's own slow drift, knots weekly; both random walks are linearly
//      interpolated between knots, with increments whose variance is the sum of the daily
//      variances they span.
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
#include <Eigen/SparseCore>
#include <string>
#include <vector>

#include "exodus/infer/estimate_priors.h"
#include "exodus/infer/time_knots.h"
#include "exodus/infer/window_sums.h"
#include "exodus/observe/flow_layout.h"
#include "exodus/observe/report_error.h"
#include "exodus/observe/report_weights.h"
#include "exodus/world/reports.h"

namespace exodus {

class EstimateModel {
 public:
  EstimateModel(FlowLayout layout, const ReportSet& reports, EstimatePriors priors = {});

  enum class Curvature { kExact, kFisher };

  std::size_t size() const { return n_; }
  const FlowLayout& layout() const { return layout_; }
  const std::vector<Report>& reports() const { return reports_; }
  const std::vector<ReportWeights>& weights() const { return weights_; }
  const std::vector<std::string>& sources() const { return sources_; }
  const EstimatePriors& priors() const { return priors_; }
  int source_of(std::size_t report) const { return report_source_[report]; }

  // Parameter layout: [f (profile knots) | a (K) | e (K · drift knots) | o (K) | β (S)].
  const TimeKnots& profile_knots() const { return f_knots_; }
  const TimeKnots& drift_knots() const { return e_knots_; }
  std::size_t f_index(std::size_t j) const { return j; }
  std::size_t a_index(std::size_t k) const { return F_ + k; }
  std::size_t e_index(std::size_t k, std::size_t j) const { return F_ + K_ + k * E_ + j; }
  std::size_t ordinary_index(std::size_t k) const { return F_ + K_ + K_ * E_ + k; }
  std::size_t bias_index(std::size_t s) const { return F_ + 2 * K_ + K_ * E_ + s; }

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
  // Each report's expected figure for the flows of a parameter vector (as flows() gives them),
  // summed as the likelihood sums it (0 for a report not used).
  std::vector<double> expected_figures(const std::vector<std::vector<double>>& departures,
                                       const std::vector<double>& ordinary) const;
  double log_sd(const Report& r) const;
  // The prior mean of a[k]: 0 (every corridor alike) unless the layout knows capacities; then
  // the level at which the corridor runs at its capacity when the average one runs at its own.
  double corridor_level_mean(std::size_t k) const;

 private:
  double log_prior(const Eigen::VectorXd& theta, Eigen::VectorXd* grad, Eigen::MatrixXd* hessian) const;
  // The likelihood, through "flow space" y = J θ = [x (K·T) | o (K) | β (S)]. Directions, when
  // asked: one column per used report, sqrt(expected information) · ∂u/∂θ.
  double log_likelihood(const Eigen::VectorXd& theta, Eigen::VectorXd* grad, Eigen::MatrixXd* hessian,
                        Curvature curvature, Eigen::MatrixXd* directions = nullptr) const;
  std::size_t x_index(std::size_t k, std::size_t t) const { return k * T_ + t; }
  // y = J θ and θ's gradient += Jᵀ g_y, by J's structure (the shared profile interpolated
  // once a day for all corridors; the sparse J stays for the curvature, which needs its rows).
  Eigen::VectorXd flow_space(const Eigen::VectorXd& theta) const;
  // Σ weight · flow over a report's terms, given every flow-space element's flow f0.
  double expected_figure(std::size_t report, const Eigen::VectorXd& f0, const WindowSums::Pass& pass) const;
  void add_flow_space_gradient(const Eigen::VectorXd& gy, Eigen::VectorXd& grad) const;
  void build_jacobian();
  void compute_prior_mean();
  // The variance one day adds to the shared profile (f), by day (global index).
  double profile_daily_variance(std::int32_t day) const;
  // First day with leavers (the shock, or the window's first day when the shock precedes it).
  std::int32_t first_leaver_day() const { return std::max(0, layout_.shock_day); }

  FlowLayout layout_;
  std::vector<Report> reports_;
  std::vector<ReportWeights> weights_;
  std::vector<std::string> sources_;
  std::vector<int> report_source_;  // -1: no bias term
  // Per used report, the flow-space entries it sums: expected = Σ weight · flow(y[index]).
  struct FlowTerm {
    Eigen::Index index;
    double weight;
  };
  // The likelihood's steps for one used report's curvature (defined beside log_likelihood):
  // what it is computed from, and the buffers reused from report to report.
  struct ReportInLikelihood;
  struct CurvatureScratch;
  void curvature_terms(std::size_t report, const Eigen::VectorXd& f1, const Eigen::VectorXd& f2,
                       CurvatureScratch& s) const;
  void add_report_curvature(const ReportInLikelihood& q, CurvatureScratch& s, Curvature curvature,
                            Eigen::MatrixXd* hessian, Eigen::MatrixXd* directions, Eigen::Index& column) const;
  void add_exact_curvature(const ReportInLikelihood& q, const CurvatureScratch& s,
                           const std::vector<Eigen::Index>& touched, Eigen::MatrixXd& H) const;
  WindowSums windows_;                        // the reports' windows of days (most departures)
  std::vector<std::vector<FlowTerm>> terms_;  // the terms no window holds (ordinary traffic, decays)
  EstimatePriors priors_;
  TimeKnots f_knots_, e_knots_;
  std::size_t K_ = 0, T_ = 0, S_ = 0, F_ = 0, E_ = 0, n_ = 0, flow_n_ = 0;
  Eigen::VectorXd prior_mean_;
  Eigen::SparseMatrix<double, Eigen::RowMajor> jacobian_;  // ∂y/∂θ (constant: y is linear in θ)
};

}  // namespace exodus
