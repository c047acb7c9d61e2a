#include "exodus/recorder/exodus_recorder.h"

#include <gtest/gtest.h>

#include "exodus/score/exodus_summary.h"
#include "exodus/sim/engine.h"
#include "exodus/sim/exodus/exodus_rules.h"
#include "tiny_scenario.h"

namespace exodus::testing {
namespace {

TEST(ExodusRecorder, RecordsEveryPlacesMetricsUnderTheirNames) {
  const Scenario s = TinyScenario().read();
  ExodusRules rules(s, 5);
  ExodusRecorder recorder(s);
  std::vector<ExodusDay> days;
  EngineOptions o;
  o.after_day = [&](std::int32_t) {
    recorder.record(rules.today());
    days.push_back(rules.today());
  };
  run_days(rules, o);
  const SeriesTable& t = recorder.table();
  // 3 totals, 2 for the one kind of leaver, 8 for each of 3 destinations, 13 for each of 2 checkpoints,
  // 3 for 1 flight, 1 for each of 1 x 2 roads.
  EXPECT_EQ(t.series().size(), 3u + 2 + 8 * 3 + 13 * 2 + 3 * 1 + 1 * 2);
  EXPECT_EQ(ExodusRecorder::series_count(s).all(), t.series().size());
  ASSERT_EQ(t.days(), static_cast<std::size_t>(s.days));
  EXPECT_EQ(t.start(), s.start_date);
  const auto* north = t.find(PlaceKind::kDestination, 0, "entries");
  ASSERT_NE(north, nullptr);
  EXPECT_EQ(north->place, "North");
  const auto* flown = t.find(PlaceKind::kFlight, 0, "flown");
  ASSERT_NE(flown, nullptr);
  EXPECT_EQ(flown->place, "Home -> Air");
  EXPECT_EQ(t.find(PlaceKind::kCheckpoint, 0, "no_such_metric"), nullptr);
  const auto* road = t.find(PlaceKind::kRoad, 1, "set_off");
  ASSERT_NE(road, nullptr);
  EXPECT_EQ(road->place, "Home -> " + s.checkpoints[1].name);
  double departures = 0;
  for (std::size_t d = 0; d < days.size(); ++d) {
    EXPECT_EQ(north->values[d], days[d].entries[0]);
    EXPECT_EQ(t.at(PlaceKind::kCheckpoint, 1, "queue_persons", d), days[d].queue_persons[1]);
    departures += days[d].departures;
  }
  EXPECT_GT(departures, 0);
  EXPECT_EQ(t.sum(PlaceKind::kTotal, 0, "departures", 0, days.size() + 10), departures);  // clipped to the run

  const auto summary = summarize_exodus_run(s, t);
  EXPECT_EQ(summary.departures, departures);
  // The run spans 1-20 September: no month ends within it.
  EXPECT_TRUE(summary.departures_by_month_end.empty());
  ASSERT_EQ(summary.destinations.size(), 3u);
  EXPECT_EQ(summary.destinations[0].entries, t.sum(PlaceKind::kDestination, 0, "entries", 0, days.size()));
}

TEST(ExodusSummary, DeparturesAtEachMonthEndAndPeaksWithTheirFirstDay) {
  Scenario s = TinyScenario().read();
  s.start_date = *Date::parse("2022-09-29");
  s.shock_day = 0;
  s.checkpoints.resize(1);
  s.destinations.resize(1);
  SeriesTable t(s.start_date);
  t.add(PlaceKind::kTotal, "ALL", 0, "departures");
  t.add(PlaceKind::kCheckpoint, "N1", 0, "queue_vehicles");
  t.series()[0].values = {1, 2, 3, 4};  // 29, 30 September, 1, 2 October
  t.series()[1].values = {5, 9, 9, 2};
  const auto summary = summarize_exodus_run(s, t);
  ASSERT_EQ(summary.departures_by_month_end.size(), 1u);
  EXPECT_EQ(summary.departures_by_month_end[0].first.iso(), "2022-09-30");
  EXPECT_EQ(summary.departures_by_month_end[0].second, 3);
  EXPECT_EQ(summary.departures, 10);
  EXPECT_EQ(summary.checkpoints[0].queue_vehicles.value, 9);
  EXPECT_EQ(summary.checkpoints[0].queue_vehicles.day, 1u);
  EXPECT_EQ(summary.departures_after_shock[0], 10);  // 7 days from the shock, clipped to 4
}

}  // namespace
}  // namespace exodus::testing
