#include "exodus/infer/time_knots.h"

#include <gtest/gtest.h>

namespace exodus {
namespace {

TEST(TimeKnots, WeeklyFromTheAnchorDailyInTheDenseRangeAndBothEnds) {
  const TimeKnots k(40, 10, 7, 9, 13);
  // Ends 0 and 39; weekly from 10: 3, 10, 17, 24, 31, 38; daily 9..13.
  const std::vector<std::int32_t> expected = {0, 3, 9, 10, 11, 12, 13, 17, 24, 31, 38, 39};
  ASSERT_EQ(k.size(), expected.size());
  for (std::size_t j = 0; j < expected.size(); ++j) EXPECT_EQ(k.knot_day(j), expected[j]);
}

TEST(TimeKnots, InterpolatesLinearlyBetweenKnots) {
  const TimeKnots k(40, 10, 7, 9, 13);
  // Day 20 lies between knots 17 (index 7) and 24 (index 8): 3/7 of the way.
  EXPECT_EQ(k.left(20), 7u);
  EXPECT_DOUBLE_EQ(k.weight(20), 3.0 / 7.0);
  // A knot day has weight 0 on its own knot.
  EXPECT_EQ(k.knot_day(k.left(17)), 17);
  EXPECT_DOUBLE_EQ(k.weight(17), 0.0);
  // The last day is the right end of the last interval.
  EXPECT_EQ(k.left(39), k.size() - 2);
  EXPECT_DOUBLE_EQ(k.weight(39), 1.0);
}

TEST(TimeKnots, ASingleDayIsASingleKnot) {
  const TimeKnots k(1, 0, 7, 5, 4);
  EXPECT_EQ(k.size(), 1u);
  EXPECT_EQ(k.left(0), 0u);
  EXPECT_DOUBLE_EQ(k.weight(0), 0.0);
}

TEST(TimeKnots, RefusesAZeroStep) { EXPECT_THROW(TimeKnots(10, 0, 0, 0, 0), std::invalid_argument); }

}  // namespace
}  // namespace exodus
