#include "exodus/infer/sbc_joint.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "exodus/core/random.h"

namespace exodus {
namespace {

// Quantities over `n` replicates whose ranks are `rank(replicate, quantity)`, each a trial whose
// 90% interval holds when the rank is in [0.05, 0.95].
template <class F>
std::vector<SbcQuantity> quantities(int count, int n, F rank) {
  std::vector<SbcQuantity> out(static_cast<std::size_t>(count));
  for (int q = 0; q < count; ++q)
    for (int i = 0; i < n; ++i) {
      const double r = rank(i, q);
      auto& s = out[static_cast<std::size_t>(q)];
      ++s.trials;
      s.covered90 += r >= 0.05 && r <= 0.95;
      s.ranks.push_back(r);
    }
  return out;
}

double uniform(int i, int q, std::uint32_t stream = 0) {
  CounterRng rng(3, RandomPurpose::kInference, static_cast<std::uint32_t>(i), stream + static_cast<std::uint32_t>(q));
  return rng.next_unit();
}

TEST(JointCoverageCheck, IndependentQuantitiesPoolToATightRange) {
  // 50 independent quantities over 100 replicates: the pooled coverage of an exact sampler is
  // 0.9 ± 1.96 sqrt(0.09 / 5000) = 0.9 ± 0.0083.
  const auto qs = quantities(50, 100, [](int i, int q) { return uniform(i, q); });
  const auto c = joint_coverage_check(qs, 2000);
  EXPECT_EQ(c.quantities, 50);
  EXPECT_EQ(c.replicates, 100);
  EXPECT_NEAR(c.pooled_low, 0.9 - 0.0083, 0.002);
  EXPECT_NEAR(c.pooled_high, 0.9 + 0.0083, 0.002);
}

TEST(JointCoverageCheck, QuantitiesThatMoveTogetherWidenWhatChanceGives) {
  // The same ranks for all 50: they hold or miss together, so the pooled coverage spreads as
  // one quantity's (the binomial's 84% to 95% at 100 replicates) and all 50 are outside the
  // exact range as often as one is (about 4% of the time), rather than about 2 of them always.
  const auto qs = quantities(50, 100, [](int i, int) { return uniform(i, 0); });
  const auto c = joint_coverage_check(qs, 2000);
  EXPECT_NEAR(c.pooled_low, 0.84, 0.011);
  EXPECT_NEAR(c.pooled_high, 0.95, 0.011);
  auto all_out = qs;  // every quantity outside: the chance of as many is that of one
  for (auto& q : all_out) q.covered90 = 80;
  const auto d = joint_coverage_check(all_out, 2000);
  EXPECT_EQ(d.outside, 50);
  EXPECT_GT(d.chance_at_least, 0.01);
  EXPECT_LT(d.chance_at_least, 0.10);
  // Independent quantities almost never have all 50 outside together.
  auto independent = quantities(50, 100, [](int i, int q) { return uniform(i, q); });
  for (auto& q : independent) q.covered90 = 80;
  EXPECT_EQ(joint_coverage_check(independent, 2000).chance_at_least, 0.0);
}

TEST(JointCoverageCheck, CountsWhatFellOutsideAndLeavesOutUnalignedQuantities) {
  auto qs = quantities(10, 100, [](int i, int q) { return uniform(i, q, 100); });
  qs[0].covered90 = 80;  // below 84%
  qs[1].covered90 = 97;  // above 95%
  qs[2].covered90 = 84;  // at the edge: inside
  SbcQuantity short_one;  // fewer trials (a replicate without spread): left out
  short_one.trials = 99;
  short_one.ranks.assign(99, 0.5);
  qs.push_back(short_one);
  const auto c = joint_coverage_check(qs, 500);
  EXPECT_EQ(c.quantities, 10);
  EXPECT_EQ(c.outside, 2);
  int covered = 0;
  for (int q = 0; q < 10; ++q) covered += qs[static_cast<std::size_t>(q)].covered90;
  EXPECT_DOUBLE_EQ(c.pooled, covered / 1000.0);
  // Two outside of ten independent quantities is common enough under an exact sampler.
  EXPECT_GT(c.chance_at_least, 0.02);
  EXPECT_LT(c.chance_at_least, 0.5);
  // And the same seed gives the same check.
  EXPECT_EQ(joint_coverage_check(qs, 500).chance_at_least, c.chance_at_least);
}

TEST(JointCoverageCheck, FewReplicatesStillCentreOnTheNominal) {
  // At 25 replicates the 5% and 95% points fall inside a replicate's slice of [0, 1]: an exact
  // sampler still covers 90% on average, not the 23 of 25 slices that lie mostly inside.
  const auto qs = quantities(40, 25, [](int i, int q) { return uniform(i, q, 200); });
  const auto c = joint_coverage_check(qs, 4000);
  EXPECT_NEAR((c.pooled_low + c.pooled_high) / 2, 0.90, 0.006);
}

}  // namespace
}  // namespace exodus
