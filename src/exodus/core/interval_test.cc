#include "exodus/core/interval.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "exodus/core/random.h"

namespace exodus {
namespace {

std::vector<std::pair<double, double>> equal_draws(int n, int first = 1) {
  std::vector<std::pair<double, double>> vw;
  for (int k = n - 1; k >= 0; --k) vw.emplace_back(first + k, 1.0 / n);  // unsorted on purpose
  return vw;
}

TEST(Interval, EqualDrawsGiveTheQuantilesAtPTimesNPlusOne) {
  auto vw = equal_draws(19);  // 1..19: p(n + 1) falls on whole draws
  const Interval i = interval_of(vw);
  EXPECT_DOUBLE_EQ(i.lo90, 1);
  EXPECT_DOUBLE_EQ(i.lo50, 5);
  EXPECT_DOUBLE_EQ(i.median, 10);
  EXPECT_DOUBLE_EQ(i.hi50, 15);
  EXPECT_DOUBLE_EQ(i.hi90, 19);
  auto vw32 = equal_draws(32);  // 1..32: 0.05 x 33 = 1.65, 0.95 x 33 = 31.35
  const Interval j = interval_of(vw32);
  EXPECT_NEAR(j.lo90, 1.65, 1e-12);
  EXPECT_NEAR(j.hi90, 31.35, 1e-12);
  EXPECT_NEAR(j.median, 16.5, 1e-12);
}

// The sampler's draws all weigh alike: selecting the order statistics gives the sort's values
// bit for bit, for any count, ties included.
TEST(Interval, EqualWeightsBySelectionAreTheSortsValuesExactly) {
  CounterRng rng(3, RandomPurpose::kSynthetic, 0, 0);
  for (const std::size_t n : {1u, 2u, 3u, 4u, 7u, 19u, 20u, 33u, 64u, 999u, 1000u, 4000u}) {
    for (const bool ties : {false, true}) {
      std::vector<double> values(n);
      for (auto& v : values) v = ties ? std::floor(5 * rng.next_unit()) : standard_normal(rng);
      const double weight = 1.0 / static_cast<double>(n);
      std::vector<std::pair<double, double>> vw;
      for (const double v : values) vw.emplace_back(v, weight);
      const Interval sorted = interval_of(vw);
      const Interval selected = interval_of_equal_weights(values, weight);
      EXPECT_EQ(selected.lo90, sorted.lo90) << n;
      EXPECT_EQ(selected.lo50, sorted.lo50) << n;
      EXPECT_EQ(selected.median, sorted.median) << n;
      EXPECT_EQ(selected.hi50, sorted.hi50) << n;
      EXPECT_EQ(selected.hi90, sorted.hi90) << n;
    }
  }
}

TEST(Interval, FewDrawsGiveTheirEndsBeyondTheirPositions) {
  auto vw = equal_draws(4, 10);  // positions 0.2, 0.4, 0.6, 0.8
  const Interval i = interval_of(vw);
  EXPECT_DOUBLE_EQ(i.lo90, 10);
  EXPECT_DOUBLE_EQ(i.hi90, 13);
  EXPECT_NEAR(i.lo50, 10.25, 1e-12);
  EXPECT_NEAR(i.median, 11.5, 1e-12);
}

TEST(Interval, WeightsMoveTheQuantilesAndZeroWeightsCountForNothing) {
  std::vector<std::pair<double, double>> vw = {{1, 0.0}, {2, 0.6}, {3, 0.2}, {4, 0.2}, {100, 0.0}};
  const Interval i = interval_of(vw);  // positions 0.45, 0.6, 0.75 (three draws of weight)
  EXPECT_DOUBLE_EQ(i.lo90, 2);
  EXPECT_NEAR(i.median, 2 + 0.05 / 0.15, 1e-12);
  EXPECT_DOUBLE_EQ(i.hi50, 4);
  EXPECT_DOUBLE_EQ(i.hi90, 4);
  std::vector<std::pair<double, double>> one = {{7, 1.0}};
  const Interval k = interval_of(one);
  EXPECT_EQ(k.lo90, 7);
  EXPECT_EQ(k.hi90, 7);
}

TEST(Interval, OneDrawPerMemberIsDefinitionSix) {
  auto a = equal_draws(32), b = equal_draws(32);
  const Interval plain = interval_of(a), by_members = interval_of(b, 32);
  EXPECT_NEAR(by_members.lo90, plain.lo90, 1e-12);
  EXPECT_NEAR(by_members.lo50, plain.lo50, 1e-12);
  EXPECT_NEAR(by_members.median, plain.median, 1e-12);
  EXPECT_NEAR(by_members.hi90, plain.hi90, 1e-12);
}

// 64 members drawn from N(0, 1), each seen through 8 draws of N(member, s²), and a truth drawn
// the same way: how often the 90% interval holds it, over 8,000 trials (sd 0.34 points).
double mixture_coverage(double s, bool by_members) {
  constexpr int kMembers = 64, kDraws = 8, kTrials = 8000;
  int held = 0;
  std::vector<std::pair<double, double>> vw;
  for (int t = 0; t < kTrials; ++t) {
    CounterRng rng(11, RandomPurpose::kInference, static_cast<std::uint32_t>(t), s > 1 ? 2u : s > 0.5 ? 1u : 0u);
    vw.clear();
    for (int m = 0; m < kMembers; ++m) {
      const double member = standard_normal(rng);
      for (int k = 0; k < kDraws; ++k) vw.emplace_back(member + s * standard_normal(rng), 1.0 / (kMembers * kDraws));
    }
    const double truth = standard_normal(rng) + s * standard_normal(rng);
    const Interval i = interval_of(vw, by_members ? kMembers : 0);
    held += truth >= i.lo90 && truth <= i.hi90;
  }
  return static_cast<double>(held) / kTrials;
}

TEST(Interval, AMixtureOfMembersHoldsAFurtherMemberAsOftenAsItClaims) {
  // Members far apart against their draws: read as 512 draws, the interval holds about
  // (64 x 0.9 - 1) / 65 = 87.1% to 88.5%; read as 64 members, 90%.
  EXPECT_LT(mixture_coverage(0.05, false), 0.893);
  EXPECT_NEAR(mixture_coverage(0.05, true), 0.90, 0.012);
  // As close as their draws, and far closer: still about 90%, a little over at most.
  EXPECT_NEAR(mixture_coverage(1.0, true), 0.905, 0.012);
  EXPECT_NEAR(mixture_coverage(5.0, true), 0.905, 0.012);
}

}  // namespace
}  // namespace exodus
