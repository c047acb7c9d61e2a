#include "exodus/infer/interval.h"

#include <gtest/gtest.h>

#include <vector>

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

}  // namespace
}  // namespace exodus
