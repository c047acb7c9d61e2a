#pragma once
// Laplace approximation with importance-sampling correction, for a log density with exact
// gradient and a negative definite curvature matrix (the Hessian, or an expected-information
// form of it): the mode is found with NLopt's L-BFGS (polished by scoring steps), the
// posterior is approximated by the Gaussian at the mode, and draws from that Gaussian are
// reweighted by p/q so intervals reflect the true posterior where the Gaussian is off. The
// effective sample size of those weights is the approximation's check.
#include <Eigen/Dense>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace exodus {

using LogDensity = std::function<double(const Eigen::VectorXd&, Eigen::VectorXd*, Eigen::MatrixXd*)>;

struct LaplaceOptions {
  std::size_t draws = 2000;
  std::uint64_t seed = 1;
  double min_ess_fraction = 0.1;  // below this share of effective draws, the fit fails
  int max_evaluations = 50000;
};

struct LaplaceDiagnostics {
  int optimiser_evaluations = 0;
  std::string optimiser_result;
  double gradient_norm = 0;       // at the mode, after polishing
  bool hessian_positive = false;  // the mode is a maximum
  double ess = 0;                 // effective draws after reweighting
  double ess_fraction = 0;
  double max_weight_share = 0;    // the largest normalised weight
  bool ok = false;
  std::string problem;            // why ok is false
};

struct LaplaceResult {
  Eigen::VectorXd mode;
  Eigen::MatrixXd draws;        // one draw per column
  std::vector<double> weights;  // normalised importance weights, one per draw
  LaplaceDiagnostics diagnostics;
};

LaplaceResult laplace_fit(const LogDensity& log_density, const Eigen::VectorXd& start,
                          const LaplaceOptions& options);

// Weighted quantile of values (weights sum to 1).
double weighted_quantile(std::vector<std::pair<double, double>> value_weight, double q);

}  // namespace exodus
