#include "exodus/infer/wide_directions.h"

#include <cmath>

namespace exodus {

Eigen::VectorXd WideDirections::apply(const Eigen::VectorXd& w) const {
  if (scale.size() == 0) return w;
  return w + directions * (scale.array() - 1.0).matrix().cwiseProduct(directions.transpose() * w);
}

Eigen::VectorXd WideDirections::invert(const Eigen::VectorXd& v) const {
  if (scale.size() == 0) return v;
  return v + directions * (scale.array().inverse() - 1.0).matrix().cwiseProduct(directions.transpose() * v);
}

WideDirections find_wide_directions(const Eigen::MatrixXd& draws, std::size_t max_directions, double min_variance) {
  WideDirections out;
  const auto n = draws.rows();
  const auto m = draws.cols();
  if (n == 0 || m < 2) return out;
  const Eigen::MatrixXd centred = draws.colwise() - draws.rowwise().mean();
  const Eigen::MatrixXd covariance = centred * centred.transpose() / static_cast<double>(m - 1);
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(covariance);
  const double gamma = static_cast<double>(n) / static_cast<double>(m);
  const double edge = std::pow(1.0 + std::sqrt(gamma), 2);
  std::vector<std::pair<Eigen::Index, double>> kept;  // eigenvector index, corrected variance
  for (Eigen::Index i = n - 1; i >= 0 && kept.size() < max_directions; --i) {
    const double lambda = eigen.eigenvalues()(i);
    if (lambda <= edge) break;  // eigenvalues are ascending: the rest are noise too
    // Solve λ = ℓ + γ ℓ / (ℓ − 1) for the spike ℓ > 1 + √γ.
    const double b = lambda + 1.0 - gamma;
    const double ell = 0.5 * (b + std::sqrt(std::max(0.0, b * b - 4.0 * lambda)));
    if (ell > min_variance) kept.emplace_back(i, ell);
  }
  out.directions.resize(n, static_cast<Eigen::Index>(kept.size()));
  out.scale.resize(static_cast<Eigen::Index>(kept.size()));
  for (std::size_t j = 0; j < kept.size(); ++j) {
    out.directions.col(static_cast<Eigen::Index>(j)) = eigen.eigenvectors().col(kept[j].first);
    out.scale(static_cast<Eigen::Index>(j)) = std::sqrt(kept[j].second);
  }
  return out;
}

}  // namespace exodus
