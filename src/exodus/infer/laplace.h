#pragma once
// Laplace approximation for a posterior whose prior is Gaussian (precision P) and whose data
// inform a few directions D (one column per observation: sqrt(information) times the gradient
// of its linear predictor), INLA-style:
//  1. The mode: NLopt's L-BFGS, polished by Fisher-scoring steps with P + D Dᵀ.
//  2. The posterior is approximated by N(mode, Q⁻¹), Q the exact negative Hessian at the mode
//     (or, where the posterior is not log-concave, the Hessian without its indefinite terms).
//  3. Checks: the gradient at the mode; Q positive definite; along each data direction, the
//     log density one standard deviation either side of the mode against the Gaussian's
//     prediction (a poor match means the Gaussian misrepresents what a report implies); and,
//     for information, the effective sample size of importance weights p/q.
#include <Eigen/Dense>
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "exodus/infer/laplace_diagnostics.h"

namespace exodus {

struct SplitDensity {
  std::function<double(const Eigen::VectorXd&, Eigen::VectorXd*)> log_density;  // value, gradient
  Eigen::MatrixXd prior_precision;
  std::function<Eigen::MatrixXd(const Eigen::VectorXd&)> data_directions;
  // Positive definite precision at a point (exact or clipped negative Hessian).
  std::function<Eigen::MatrixXd(const Eigen::VectorXd&)> precision;
};

struct LaplaceOptions {
  std::size_t draws = 2000;       // 0: the mode, curvature and checks only
  std::uint64_t seed = 1;
  double min_ess_fraction = 0.1;  // below this share of effective draws, the fit fails
  int max_evaluations = 50000;
  double max_log_density_gap = 1.5;  // along a data direction, at ±1 sd, in nats
  // When set and true, the fit stops at its next evaluation of the density and laplace_fit
  // throws Interrupted (a fit of many corridors can take minutes before its first draw).
  const std::atomic<bool>* stop = nullptr;
};

struct LaplaceResult {
  Eigen::VectorXd mode;
  Eigen::MatrixXd draws;        // one draw per column
  std::vector<double> weights;  // one per draw (equal: the draws are the approximation's)
  LaplaceDiagnostics diagnostics;
};

LaplaceResult laplace_fit(const SplitDensity& density, const Eigen::VectorXd& start,
                          const LaplaceOptions& options);


}  // namespace exodus
