#include "exodus/score/flee_score.h"
#include "exodus/score/flee_out_csv_reader.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace exodus {
namespace {

CampTable two_camps() {
  CampTable t;
  t.camps = {"X", "Y"};
  t.sim = {{10, 30}, {50, 50}};
  t.data = {{20, 20}, {0, 0}};
  t.sim_in_camps = {40, 100};
  t.data_in_camps = {40, 0};
  t.agents = {40, 100};
  t.raw_count = {80, 0};
  t.debt = {0, 0};
  return t;
}

TEST(FleeScore, AveragedRelativeDifferenceRawAndRescaled) {
  const auto s = score_flee(two_camps());
  ASSERT_EQ(s.error.size(), 2u);
  EXPECT_DOUBLE_EQ(s.error[0], 20.0 / 40.0);
  EXPECT_DOUBLE_EQ(s.error[1], 100.0 / 1.0);  // no data: divided by 1
  EXPECT_DOUBLE_EQ(s.ard, (0.5 + 100.0) / 2);
  // Day 0 rescaled: Σsim = Σdata, unchanged. Day 1: sim scaled by 0/100 = 0.
  EXPECT_DOUBLE_EQ(s.error_rescaled[0], 0.5);
  EXPECT_DOUBLE_EQ(s.error_rescaled[1], 0.0);
  EXPECT_DOUBLE_EQ(s.total_error[0], 20.0 / 80.0);
  EXPECT_DOUBLE_EQ(s.total_error[1], 0.0);
}

TEST(FleeScore, RescalingTruncatesToWholeAgents) {
  CampTable t = two_camps();
  t.sim = {{1, 2}};
  t.data = {{2, 2}};
  t.sim_in_camps = {3};
  t.data_in_camps = {4};
  t.agents = {3};
  t.raw_count = {4};
  t.debt = {0};
  const auto s = score_flee(t);
  // int(1*4/3) = 1, int(2*4/3) = 2: |1-2| + |2-2| = 1 over 4.
  EXPECT_DOUBLE_EQ(s.error_rescaled[0], 0.25);
}

TEST(FleeScore, ScoresOnlyTheFirstDaysWhenAsked) {
  EXPECT_EQ(score_flee(two_camps(), 1).error.size(), 1u);
}

TEST(FleeScore, ReproducesFleesPublishedFiguresFromItsOwnOutput) {
  struct Case { const char* name; double ard, rescaled; std::size_t days; };
  for (const auto& c : {Case{"mali", 0.380, 0.315, 300}, Case{"burundi", 0.640, 0.594, 353},
                        Case{"car", 0.351, 0.324, 299}}) {
    const auto file = read_text_file(testing::flee_data_dir() / "flee-out" / (std::string(c.name) + ".out.csv"));
    const auto s = score_flee(read_flee_out_csv(file));
    EXPECT_EQ(s.error.size(), c.days) << c.name;
    EXPECT_NEAR(s.ard, c.ard, 0.0005) << c.name;
    EXPECT_NEAR(s.ard_rescaled, c.rescaled, 0.0005) << c.name;
  }
}

}  // namespace
}  // namespace exodus
