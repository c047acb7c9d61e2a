#include "exodus/infer/wide_directions.h"

#include <gtest/gtest.h>

#include <cmath>

#include "exodus/core/random.h"

namespace exodus {
namespace {

// Draws from N(0, I + (σ² − 1) d dᵀ) in n dimensions.
Eigen::MatrixXd draws_with_one_wide_direction(Eigen::Index n, Eigen::Index m, const Eigen::VectorXd& d, double sigma) {
  Eigen::MatrixXd out(n, m);
  for (Eigen::Index j = 0; j < m; ++j) {
    CounterRng rng(3, RandomPurpose::kSynthetic, static_cast<std::uint32_t>(j), 0);
    Eigen::VectorXd z(n);
    for (Eigen::Index i = 0; i < n; ++i) z(i) = standard_normal(rng);
    out.col(j) = z + (sigma - 1.0) * d * d.dot(z);
  }
  return out;
}

TEST(WideDirections, FindsTheOneWideDirectionAndItsScale) {
  const Eigen::Index n = 60;
  Eigen::VectorXd d = Eigen::VectorXd::Zero(n);
  d(3) = 0.6;
  d(40) = 0.8;
  const auto found = find_wide_directions(draws_with_one_wide_direction(n, 2000, d, 6.0));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_GT(std::abs(found.directions.col(0).dot(d)), 0.98);
  EXPECT_NEAR(found.scale(0), 6.0, 0.6);
}

TEST(WideDirections, UnitScaleDrawsHaveNoneEvenWithFewerDrawsThanDimensions) {
  // With 80 draws in 100 dimensions the largest sample eigenvalue is near 4.5; it is noise.
  const Eigen::Index n = 100;
  const auto found = find_wide_directions(draws_with_one_wide_direction(n, 80, Eigen::VectorXd::Zero(n), 1.0));
  EXPECT_EQ(found.size(), 0u);
}

TEST(WideDirections, ApplyAndInvertAreInverseAndStretchTheWideDirection) {
  const Eigen::Index n = 30;
  Eigen::VectorXd d = Eigen::VectorXd::Zero(n);
  d(7) = 1.0;
  const auto found = find_wide_directions(draws_with_one_wide_direction(n, 3000, d, 4.0));
  ASSERT_EQ(found.size(), 1u);
  Eigen::VectorXd w = Eigen::VectorXd::LinSpaced(n, -1.0, 2.0);
  EXPECT_LT((found.invert(found.apply(w)) - w).norm(), 1e-12);
  const Eigen::VectorXd stretched = found.apply(found.directions.col(0));
  EXPECT_NEAR(stretched.norm(), found.scale(0), 1e-9);
  EXPECT_NEAR(found.scale(0), 4.0, 0.4);
  Eigen::VectorXd other = Eigen::VectorXd::Zero(n);
  other(8) = 1.0;
  EXPECT_LT((found.apply(other) - other).norm(), 0.1);  // other directions are left (nearly) alone
}

}  // namespace
}  // namespace exodus
