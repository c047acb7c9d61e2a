#include "exodus/infer/camp_forecast_check.h"

#include <gtest/gtest.h>

#include "exodus/score/flee_score.h"

namespace exodus {
namespace {

// Two camps over 3 days: camp 0 has data, camp 1 none.
CampTable run_with(std::int64_t agents, std::int64_t debt) {
  CampTable t;
  t.camps = {"C", "D"};
  t.sim = {{10, 1}, {20, 2}, {30, 3}};
  t.data = {{10, 0}, {25, 0}, {40, 0}};
  t.sim_in_camps = {11, 22, 33};
  t.data_in_camps = {10, 25, 40};
  t.raw_count = {10, 25, 40};
  t.agents = {agents, agents, agents};
  t.debt = {debt, debt, debt};
  return t;
}

CampBands bands_around(const std::vector<std::vector<double>>& medians) {
  CampBands b;
  b.camps = {"C", "D"};
  for (const auto& day : medians) {
    std::vector<Interval> row;
    for (const double m : day) row.push_back({m, m - 2, m + 2, m - 8, m + 8});
    b.bands.push_back(row);
  }
  return b;
}

TEST(CampForecastCheck, TheMedianTableRoundsTheMediansAndKeepsTheData) {
  const CampBands b = bands_around({{10.4, 1.6}, {21.5, 2}, {33, 3}});
  const CampTable r1 = run_with(100, 5), r2 = run_with(200, 7), r3 = run_with(300, 9);
  const CampTable t = median_table(b, {&r1, &r2, &r3, nullptr}, {0.1, 0.8, 0.1, 0.5});
  EXPECT_EQ(t.sim, (std::vector<std::vector<std::int64_t>>{{10, 2}, {22, 2}, {33, 3}}));
  EXPECT_EQ(t.sim_in_camps, (std::vector<std::int64_t>{12, 24, 36}));
  EXPECT_EQ(t.data, r1.data);
  EXPECT_EQ(t.raw_count, r1.raw_count);
  // The members' weighted medians: the second member carries 80% of the weight.
  EXPECT_EQ(t.agents, (std::vector<std::int64_t>{200, 200, 200}));
  EXPECT_EQ(t.debt, (std::vector<std::int64_t>{7, 7, 7}));
  EXPECT_THROW(median_table(bands_around({{1, 1}}), {&r1}, {1.0}), std::invalid_argument);
}

TEST(CampForecastCheck, CountsOnlyObservedCampsOnTheDaysAfter) {
  // Day 1: data 25 against median 22 (in the 90% band, not the 50%); day 2: 40 against 30
  // (outside both). Camp D has no data and is not counted; day 0 is before the check.
  const CampBands b = bands_around({{10, 1}, {22, 2}, {30, 3}});
  const CampTable r = run_with(100, 0);
  const CampTable m = median_table(b, {&r}, {1.0});
  const CampForecastCheck c = check_camp_forecast(b, m, {true, false}, 1);
  EXPECT_EQ(c.first_day, 1);
  EXPECT_EQ(c.last_day, 2);
  EXPECT_EQ(c.camp_days, 2u);
  EXPECT_DOUBLE_EQ(c.coverage90, 0.5);
  EXPECT_DOUBLE_EQ(c.coverage50, 0.0);
  const FleeScore s = score_flee(m);
  EXPECT_DOUBLE_EQ(c.ard, (s.error[1] + s.error[2]) / 2);
  EXPECT_DOUBLE_EQ(ard_from(m, 1), c.ard);
  const CampForecastCheck none = check_camp_forecast(b, m, {true, false}, 3);
  EXPECT_EQ(none.camp_days, 0u);
  EXPECT_LT(none.last_day, none.first_day);
}

}  // namespace
}  // namespace exodus
