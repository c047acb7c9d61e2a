#include "exodus/core/alias_table.h"

#include <gtest/gtest.h>

#include <cmath>

namespace exodus {
namespace {

std::vector<double> frequencies(const std::vector<double>& weights, int draws) {
  AliasPool pool;
  pool.add(std::vector<double>{5.0});  // a table before, to check offsets
  const auto t = pool.add(weights);
  std::vector<double> count(weights.size(), 0);
  for (int i = 0; i < draws; ++i) {
    CounterRng rng(99, RandomPurpose::kSynthetic, static_cast<std::uint32_t>(i), 0);
    ++count[pool.sample(t, rng)];
  }
  for (auto& c : count) c /= draws;
  return count;
}

TEST(AliasPool, SamplesInProportionToWeights) {
  const std::vector<double> w{1, 2, 3, 4};
  const auto f = frequencies(w, 200000);
  for (std::size_t i = 0; i < w.size(); ++i) EXPECT_NEAR(f[i], w[i] / 10.0, 0.005) << i;
}

TEST(AliasPool, NeverPicksZeroWeight) {
  const auto f = frequencies({0, 1, 0, 1}, 20000);
  EXPECT_EQ(f[0], 0.0);
  EXPECT_EQ(f[2], 0.0);
}

TEST(AliasPool, AllZeroWeightsAreUniform) {
  const auto f = frequencies({0, 0, 0}, 60000);
  for (double x : f) EXPECT_NEAR(x, 1.0 / 3, 0.01);
}

TEST(AliasPool, EmptyTableHasSizeZero) {
  AliasPool pool;
  const auto t = pool.add(std::vector<double>{});
  EXPECT_EQ(pool.size(t), 0u);
}

TEST(CounterRng, SameKeysSameNumbersDifferentKeysDifferent) {
  CounterRng a(1, RandomPurpose::kAgentDay, 5, 7), b(1, RandomPurpose::kAgentDay, 5, 7);
  CounterRng c(1, RandomPurpose::kAgentDay, 6, 7), d(2, RandomPurpose::kAgentDay, 5, 7);
  for (int i = 0; i < 10; ++i) {
    const auto x = a.next_u32();
    EXPECT_EQ(x, b.next_u32());
    EXPECT_NE(x, c.next_u32());
    EXPECT_NE(x, d.next_u32());
  }
}

}  // namespace
}  // namespace exodus
