#include "exodus/infer/sbc.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <utility>
#include <vector>

namespace exodus {
namespace {

// The central 95% of Binomial(n, p) / n, against the binomial's own table (computed apart, by
// summing C(n, k) p^k (1-p)^(n-k)).
TEST(ExactCoverageRange, IsTheBinomialsCentralQuantiles) {
  const auto at100 = exact_coverage_range(100, 0.9);
  EXPECT_DOUBLE_EQ(at100.low, 0.84);
  EXPECT_DOUBLE_EQ(at100.high, 0.95);
  const auto at200 = exact_coverage_range(200, 0.9);
  EXPECT_DOUBLE_EQ(at200.low, 171.0 / 200);
  EXPECT_DOUBLE_EQ(at200.high, 188.0 / 200);
  const auto at40 = exact_coverage_range(40, 0.9);
  EXPECT_DOUBLE_EQ(at40.low, 32.0 / 40);
  EXPECT_DOUBLE_EQ(at40.high, 39.0 / 40);
  const auto half = exact_coverage_range(1000, 0.5);
  EXPECT_DOUBLE_EQ(half.low, 0.469);
  EXPECT_DOUBLE_EQ(half.high, 0.531);
  // Many trials: the log-scale recurrence does not underflow where p^n would.
  const auto many = exact_coverage_range(100000, 0.9);
  EXPECT_NEAR(many.low, 0.9 - 1.96 * 0.03 / std::sqrt(1000.0), 0.0002);
  EXPECT_NEAR(many.high, 0.9 + 1.96 * 0.03 / std::sqrt(1000.0), 0.0002);
}

// A truth and 32 draws of one distribution, ranked 10,000 times: each tenth of [0, 1] holds
// about a tenth of the ranks. Counting the draws below alone would put 4/33 of them in the first,
// sixth and last tenths (about 1,212) and 3/33 in the others (909).
TEST(SbcRank, ExchangeableDrawsGiveUniformRanks) {
  constexpr int kTrials = 10000, kDraws = 32;
  std::array<int, 10> bins{};
  for (int t = 0; t < kTrials; ++t) {
    CounterRng values(7, RandomPurpose::kSynthetic, static_cast<std::uint32_t>(t), 0);
    std::vector<std::pair<double, double>> draws;
    for (int k = 0; k < kDraws; ++k) draws.emplace_back(values.next_unit(), 1.0 / kDraws);
    const double truth = values.next_unit();
    CounterRng dither(7, RandomPurpose::kInference, static_cast<std::uint32_t>(t), 1);
    const double r = sbc_rank(truth, draws, dither);
    ASSERT_GE(r, 0.0);
    ASSERT_LE(r, 1.0);
    ++bins[std::min(9, static_cast<int>(r * 10))];
  }
  // 1,000 a bin with a binomial sd of 30: four sds either side.
  for (int b = 0; b < 10; ++b) {
    SCOPED_TRACE(b);
    EXPECT_NEAR(bins[b], kTrials / 10, 120);
  }
}

// A quantity that is one value in the truth and every draw (a closed corridor's zero) ranks
// anywhere in [0, 1] rather than at one half.
TEST(SbcRank, ATruthTiedWithEveryDrawRanksUniformly) {
  const std::vector<std::pair<double, double>> draws(16, {0.0, 1.0 / 16});
  int low = 0, high = 0;
  for (std::uint32_t t = 0; t < 2000; ++t) {
    CounterRng dither(3, RandomPurpose::kInference, t, 0);
    const double r = sbc_rank(0.0, draws, dither);
    low += r < 0.2;
    high += r > 0.8;
  }
  EXPECT_NEAR(low, 400, 80);
  EXPECT_NEAR(high, 400, 80);
}

// Weighted draws count by their mass; draws of no weight are not draws.
TEST(SbcRank, WeightsCountAndZeroWeightsDoNot) {
  // Mass 0.75 below the truth among 2 weighted draws (and one of no weight): (2 x 0.75 + u) / 3.
  const std::vector<std::pair<double, double>> draws = {{1.0, 0.75}, {3.0, 0.25}, {0.5, 0.0}};
  for (std::uint32_t t = 0; t < 100; ++t) {
    CounterRng dither(5, RandomPurpose::kInference, t, 0);
    const double r = sbc_rank(2.0, draws, dither);
    EXPECT_GE(r, 1.5 / 3);
    EXPECT_LT(r, 2.5 / 3);
  }
}

}  // namespace
}  // namespace exodus
