// The exodus rule set's behaviours, each on the tiny scenario (tests/tiny_scenario.h).
#include "exodus/sim/exodus/exodus_rules.h"

#include <gtest/gtest.h>

#include <cmath>

#include "exodus/sim/engine.h"
#include "tiny_scenario.h"

namespace exodus::testing {
namespace {

std::vector<ExodusDay> run(const Scenario& s, int threads = 1, ExodusRules** keep = nullptr) {
  static std::unique_ptr<ExodusRules> holder;
  holder = std::make_unique<ExodusRules>(s, 5);
  std::vector<ExodusDay> days;
  EngineOptions o;
  o.threads = threads;
  o.after_day = [&](std::int32_t) { days.push_back(holder->today()); };
  run_days(*holder, o);
  if (keep) *keep = holder.get();
  return days;
}

double total(const std::vector<ExodusDay>& days, const std::function<double(const ExodusDay&)>& f) {
  double n = 0;
  for (const auto& d : days) n += f(d);
  return n;
}

TEST(ExodusRules, DecisionsFollowTheHazardAndDrainThePool) {
  const auto s = TinyScenario{}.read();
  ExodusRules* rules = nullptr;
  const auto days = run(s, 1, &rules);
  // Expected deciders: 1e6 * (1 - prod(1 - 0.01 exp(-k/3))) over the days after the shock.
  double stay = 1;
  for (int k = 0; k < s.days - s.shock_day; ++k) stay *= 1 - 0.01 * std::exp(-k / 3.0);
  const double expected = 1e6 * (1 - stay);
  const double deciders = total(days, [](const ExodusDay& d) { return d.deciders; });
  EXPECT_NEAR(deciders, expected, 4 * std::sqrt(expected));
  EXPECT_NEAR(rules->pool_left(), 1e6 - deciders, 0.5);
  // Only deciders become agents: the pool costs nothing.
  EXPECT_EQ(static_cast<double>(rules->agent_count()), deciders);
  for (int d = 0; d < s.shock_day; ++d) EXPECT_EQ(days[static_cast<std::size_t>(d)].deciders, 0) << d;
}

TEST(ExodusRules, QueuesNeverServeMoreThanCapacity) {
  const auto s = TinyScenario{}.read();
  for (const auto& d : run(s))
    for (std::size_t c = 0; c < 2; ++c) EXPECT_LE(d.processed[c], d.capacity[c] + 1e-6);
}

TEST(ExodusRules, AClosedCheckpointIsNeitherChosenNorServed) {
  TinyScenario t;
  t.files["events.csv"] += "2022-09-01,close,S1,0\n";
  const auto days = run(t.read());
  EXPECT_EQ(total(days, [](const ExodusDay& d) { return d.joined[1] + d.processed[1]; }), 0);
  EXPECT_GT(total(days, [](const ExodusDay& d) { return d.processed_leavers[0]; }), 1000);
}

TEST(ExodusRules, ApproachLimitCapsWhoJoinsTheQueue) {
  TinyScenario t;
  t.files["events.csv"] += "2022-09-01,approach_limit,N1,50\n";
  const auto days = run(t.read());
  for (const auto& d : days) EXPECT_LE(d.joined[0], 50);
  EXPECT_GT(total(days, [](const ExodusDay& d) { return d.turned_away[0]; }), 0);
}

TEST(ExodusRules, FullExitRefusalKeepsTheEligibleOffTheRoads) {
  TinyScenario t;
  t.files["events.csv"] += "2022-09-01,exit_refusal,ALL,1\n";
  const auto days = run(t.read());
  EXPECT_EQ(total(days, [](const ExodusDay& d) { return d.processed_leavers[0] + d.processed_leavers[1]; }), 0);
  EXPECT_GT(total(days, [](const ExodusDay& d) { return d.flight_flown[0]; }), 0);
}

TEST(ExodusRules, AnEntryBanKeepsLeaversOutOfADestination) {
  TinyScenario t;
  t.files["events.csv"] += "2022-09-01,entry_ban,South,1\n";
  const auto days = run(t.read());
  EXPECT_EQ(total(days, [](const ExodusDay& d) { return d.entries_leavers[1]; }), 0);
  EXPECT_GT(total(days, [](const ExodusDay& d) { return d.entries_leavers[0]; }), 0);
}

TEST(ExodusRules, SoldOutFlightsSendTheRestByRoad) {
  TinyScenario t;
  t.files["destinations.csv"] =
      "destination,attractiveness\nNorth,0\nSouth,0\nAir,5\n";  // everyone able to fly wants to
  const auto days = run(t.read());
  double demand = 0;
  for (const auto& d : days) {
    EXPECT_LE(d.flight_flown[0], 100);
    demand += d.flight_demand[0];
  }
  EXPECT_GT(demand, total(days, [](const ExodusDay& d) { return d.flight_flown[0]; }));
  // Prices rise after a day of over-demand.
  double top = 0;
  for (const auto& d : days) top = std::max(top, d.flight_price[0]);
  EXPECT_GT(top, 100);
}

TEST(ExodusRules, ReturnsComeOnlyFromDestinationsPeopleReturnFrom) {
  const auto days = run(TinyScenario{}.read());
  EXPECT_GT(total(days, [](const ExodusDay& d) { return d.returns[0]; }), 0);
  EXPECT_EQ(total(days, [](const ExodusDay& d) { return d.returns[1]; }), 0);
  const auto& last = days.back();
  const double entered = total(days, [](const ExodusDay& d) { return d.entries_leavers[0]; });
  EXPECT_DOUBLE_EQ(last.stock_leavers[0], entered - total(days, [](const ExodusDay& d) { return d.returns[0] + d.onward[0]; }));
}

TEST(ExodusRules, OrdinaryTravellersAreCountedInEntries) {
  const auto days = run(TinyScenario{}.read());
  // Before the shock only ordinary travellers cross: 100 a day at N1.
  EXPECT_NEAR(days[2].entries[0], 100, 1e-6);
  EXPECT_EQ(days[2].entries_leavers[0], 0);
}

TEST(ExodusRules, SameSeedSameDaysWhateverTheThreadCount) {
  const auto s = TinyScenario{}.read();
  const auto one = run(s, 1);
  const auto eight = run(s, 8);
  ASSERT_EQ(one.size(), eight.size());
  for (std::size_t d = 0; d < one.size(); ++d) {
    EXPECT_EQ(one[d].entries, eight[d].entries) << d;
    EXPECT_EQ(one[d].returns, eight[d].returns) << d;
    EXPECT_EQ(one[d].queue_persons, eight[d].queue_persons) << d;
  }
}

}  // namespace
}  // namespace exodus::testing
