#pragma once
// Directions in which a sampler's coordinates are much wider than the unit scale it was set
// up for, found from a pilot run's draws, and the linear map that stretches them back:
//   v = M w,  M = I + V (s − 1) Vᵀ,
// V the wide directions (orthonormal), s their standard deviations. Sampling w, the
// posterior is close to unit scale in every direction.
#include <Eigen/Dense>
#include <vector>

namespace exodus {

struct WideDirections {
  Eigen::MatrixXd directions;  // n × m, orthonormal columns
  Eigen::VectorXd scale;       // m standard deviations (all > 1)
  std::size_t size() const { return static_cast<std::size_t>(scale.size()); }
  Eigen::VectorXd apply(const Eigen::VectorXd& w) const;   // M w (M is symmetric: also for gradients)
  Eigen::VectorXd invert(const Eigen::VectorXd& v) const;  // M⁻¹ v
};

// From draws (one per column) of a posterior expected to be near unit scale. Only
// eigenvalues of the draws' covariance clearly above what sampling noise gives for a unit
// covariance (the Marchenko–Pastur edge (1 + √(n/N))²) count, and each is corrected for that
// noise (the spiked-covariance relation λ = ℓ + γ ℓ / (ℓ − 1), γ = n/N); at most
// max_directions, widest first, those with an estimated variance above min_variance.
WideDirections find_wide_directions(const Eigen::MatrixXd& draws, std::size_t max_directions = 50,
                                    double min_variance = 2.0);

}  // namespace exodus
