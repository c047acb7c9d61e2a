// Agents standing for several people (run/people_per_agent.h): the same world at 1/k of its
// size, its counts scaled back, gives the same flows and waits within the added noise.
#include <gtest/gtest.h>

#include <cmath>

#include "exodus/app/load_scenario.h"
#include "exodus/run/exodus_run.h"
#include "exodus/run/people_per_agent.h"
#include "tiny_scenario.h"

namespace exodus::testing {
namespace {

double total(const SeriesTable& t, PlaceKind kind, std::size_t index, const char* metric) {
  return t.sum(kind, index, metric, 0, t.days() - 1);
}

TEST(PeoplePerAgent, OneIsTheScenarioItself) {
  const Scenario s = TinyScenario().read();
  RunOptions o;
  o.seed = 3;
  auto a = run_exodus(s, o);
  auto b = run_exodus(scaled_to_agents(s, 1), o);
  scale_counts_back(b.series, 1);
  for (std::size_t i = 0; i < a.series.series().size(); ++i) EXPECT_EQ(a.series.series()[i].values, b.series.series()[i].values);
}

TEST(PeoplePerAgent, AWorldAQuarterTheSizeScaledBackGivesTheSameFlowsAndWaits) {
  TinyScenario tiny;
  // A queue that lasts: S1 serves fewer than come.
  auto& checkpoints = tiny.files["checkpoints.csv"];
  checkpoints.replace(checkpoints.find("S1,South,48,40,1000"), 19, "S1,South,48,40,300");
  const Scenario s = tiny.read();
  const Scenario quarter = scaled_to_agents(s, 4);
  EXPECT_DOUBLE_EQ(quarter.regions[0].eligible_pool, s.regions[0].eligible_pool / 4);
  EXPECT_DOUBLE_EQ(quarter.checkpoints[1].vehicles_per_day, 75);
  EXPECT_DOUBLE_EQ(quarter.flights[0].seats_per_day, 25);
  EXPECT_EQ(quarter.parameters.shock_hazard, s.parameters.shock_hazard);
  double full = 0, scaled = 0, full_wait = 0, scaled_wait = 0, agents_full = 0, agents_scaled = 0;
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    RunOptions o;
    o.seed = seed;
    const auto a = run_exodus(s, o);
    auto b = run_exodus(quarter, o);
    agents_full += static_cast<double>(a.leavers);
    agents_scaled += static_cast<double>(b.leavers);
    scale_counts_back(b.series, 4);
    full += total(a.series, PlaceKind::kTotal, 0, "departures");
    scaled += total(b.series, PlaceKind::kTotal, 0, "departures");
    full_wait += a.series.at(PlaceKind::kCheckpoint, 1, "wait_hours", 10);
    scaled_wait += b.series.at(PlaceKind::kCheckpoint, 1, "wait_hours", 10);
  }
  EXPECT_NEAR(agents_scaled / agents_full, 0.25, 0.01);
  EXPECT_NEAR(scaled / full, 1.0, 0.03);
  ASSERT_GT(full_wait, 4 * 24.0);  // the queue stands for days: waits are compared where they exist
  EXPECT_NEAR(scaled_wait / full_wait, 1.0, 0.05);
}

TEST(PeoplePerAgent, CountsAreScaledBackAndHoursAndPricesAreNot) {
  const Scenario s = TinyScenario().read();
  RunOptions o;
  auto run = run_exodus(s, o);
  const SeriesTable before = run.series;
  scale_counts_back(run.series, 3);
  for (std::size_t i = 0; i < before.series().size(); ++i) {
    const auto& m = before.series()[i].metric;
    const bool same = m == "wait_hours" || m == "wait_median_hours" || m == "price";
    for (std::size_t d = 0; d < before.days(); ++d)
      EXPECT_EQ(run.series.series()[i].values[d], before.series()[i].values[d] * (same ? 1 : 3)) << m;
  }
}

}  // namespace
}  // namespace exodus::testing
