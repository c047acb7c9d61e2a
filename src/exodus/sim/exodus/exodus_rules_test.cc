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

// Every leaver who decides either flies or sets off by road from their region the same day,
// unless no road is left to them after a sold-out flight (then they give up that day).
TEST(ExodusRules, EveryDeciderFliesOrSetsOffByRoadTheSameDay) {
  TinyScenario t;
  t.files["destinations.csv"] = "destination,attractiveness\nNorth,0\nSouth,0\nAir,5\n";  // flights sell out
  const auto days = run(t.read());
  double set_off = 0;
  for (const auto& d : days) {
    double roads = 0, flown = 0;
    for (const double v : d.set_off) roads += v;
    for (const double v : d.flight_flown) flown += v;
    EXPECT_LE(roads + flown, d.deciders);
    EXPECT_GE(roads + flown, d.deciders - d.gave_up);
    set_off += roads;
  }
  EXPECT_GT(set_off, 0);
  for (std::size_t road = 0; road < 2; ++road)  // the one region to each checkpoint
    EXPECT_GT(total(days, [&](const ExodusDay& d) { return d.set_off[road]; }), 0) << road;
}

TEST(ExodusRules, ReturnsComeOnlyFromDestinationsPeopleReturnFrom) {
  const auto days = run(TinyScenario{}.read());
  EXPECT_GT(total(days, [](const ExodusDay& d) { return d.returns[0]; }), 0);
  EXPECT_EQ(total(days, [](const ExodusDay& d) { return d.returns[1]; }), 0);
  const auto& last = days.back();
  const double entered = total(days, [](const ExodusDay& d) { return d.entries_leavers[0]; });
  EXPECT_DOUBLE_EQ(last.stock[0], entered - total(days, [](const ExodusDay& d) { return d.returns[0] + d.onward[0]; }));
}

TEST(ExodusRules, ReturnsKeepTheDailyChanceAndItsEventsThoughDrawnOnCrossing) {
  // Everyone entering North goes home at 1/5 a day, tripled by an event on 10-14 September:
  // a leaver's day of return is drawn once, on entry, so its law must still be that of a
  // draw each day. Expected returns by day from the entries and that chance, day by day.
  TinyScenario t;
  t.files["scenario.yaml"] =
      "name: tiny\nstart_date: 2022-09-01\nend_date: 2022-09-30\nshock_date: 2022-09-05\nseed: 1\n"
      "parameters:\n  base_hazard: 0\n  shock_hazard: 0.01\n  shock_decay_days: 3\n  other_hazard_ratio: 0\n";
  t.files["destinations.csv"] =
      "destination,attractiveness,onward_share,onward_days,return_share,return_days\n"
      "North,0,0,7,1,5\nSouth,0,0,7,0,10\nAir,0,0,7,0,10\n";
  t.files["events.csv"] = "date,kind,target,value,end_date\n2022-09-10,return_scale,North,3,2022-09-14\n";
  const auto days = run(t.read());
  const auto chance = [](std::size_t day) { return day >= 9 && day <= 13 ? 0.6 : 0.2; };
  // still[c]: the expected leavers who entered on day c and have not gone home yet.
  std::vector<double> still(days.size(), 0.0);
  double expected = 0, returned = 0;
  for (std::size_t day = 0; day < days.size(); ++day) {
    for (std::size_t c = 0; c < day; ++c) {
      expected += still[c] * chance(day);
      still[c] *= 1 - chance(day);
    }
    still[day] = days[day].entries_leavers[0];
    returned += days[day].returns[0];
    // Each return is a Bernoulli trial given the entries: within 5 sd of the sum of their chances.
    EXPECT_NEAR(returned, expected, 5 * std::sqrt(expected) + 1) << "day " << day;
  }
  EXPECT_GT(returned, 5000);
  // The event shows: on its days the share of those present who go home is three times higher.
  EXPECT_GT(days[11].returns[0] / days[10].stock[0], 2.4 * days[20].returns[0] / days[19].stock[0]);
}

TEST(ExodusRules, OrdinaryTravellersAreCountedInEntries) {
  const auto days = run(TinyScenario{}.read());
  // Before the shock only ordinary travellers cross: 100 a day at N1.
  EXPECT_NEAR(days[2].entries[0], 100, 1e-6);
  EXPECT_EQ(days[2].entries_leavers[0], 0);
}

TEST(ExodusRules, OrdinaryTravellersLeaveAsTheyCameBeforeTheShock) {
  const auto days = run(TinyScenario{}.read());
  for (int d = 0; d < 4; ++d) {
    // Steady state: 100 a day enter at N1 and, of the 700 present (a 7-day stay), 100 leave.
    EXPECT_NEAR(days[static_cast<std::size_t>(d)].exits[0], 100, 1e-6) << d;
    EXPECT_EQ(days[static_cast<std::size_t>(d)].exits[1], 0) << d;
    EXPECT_EQ(days[static_cast<std::size_t>(d)].net_arrivals[0], 0) << d;
  }
  // After it, exits add leavers going home; net arrivals are leavers' entries less their exits.
  for (const auto& d : days) {
    EXPECT_DOUBLE_EQ(d.net_arrivals[0], d.entries_leavers[0] + d.onward_in[0] - d.onward[0] - d.returns[0]);
    EXPECT_GE(d.exits[0], d.returns[0] + d.onward[0]);
  }
}

TEST(ExodusRules, LeaversMovingOnEnterTheNextDestination) {
  TinyScenario t;
  t.files["destinations.csv"] =
      "destination,attractiveness,onward_share,onward_days,return_share,return_days,onward_to\n"
      "North,0,0.6,2,0,10,South\nSouth,0,0,7,0.5,3,\nAir,0,0,7,0,10,\n";
  const auto days = run(t.read());
  const double moved = total(days, [](const ExodusDay& d) { return d.onward[0]; });
  EXPECT_GT(moved, 1000);
  // Every onward move from North is an entry into South, on the same day.
  for (const auto& d : days) EXPECT_EQ(d.onward[0], d.onward_in[1]);
  // South's stock holds its own entrants and those who came on, less those who went home.
  const auto& last = days.back();
  const double came = total(days, [](const ExodusDay& d) { return d.entries_leavers[1] + d.onward_in[1]; });
  EXPECT_DOUBLE_EQ(last.stock[1], came - total(days, [](const ExodusDay& d) { return d.returns[1] + d.onward[1]; }));
  // Those who came on go home from South too, at its return share: one move on each, no more.
  EXPECT_GT(total(days, [](const ExodusDay& d) { return d.returns[1]; }), 0);
  EXPECT_EQ(total(days, [](const ExodusDay& d) { return d.onward[1]; }), 0);
}

TEST(ExodusRules, QueueKilometresFollowVehiclesLanesAndSpacing) {
  TinyScenario t;
  t.files["checkpoints.csv"] =
      "checkpoint,destination,latitude,longitude,vehicles_per_day,persons_per_vehicle,baseline_per_day,lanes,"
      "metres_per_vehicle\nN1,North,52,40,100,2,100,2,8\nS1,South,48,40,100,2,0,,\n";
  const auto days = run(t.read());
  double top = 0;
  for (const auto& d : days) {
    EXPECT_DOUBLE_EQ(d.queue_km[0], d.queue_vehicles[0] * 8 / 2 / 1000);
    EXPECT_DOUBLE_EQ(d.queue_km[1], d.queue_vehicles[1] * 7 / 1000);  // the defaults: one lane, 7 m
    EXPECT_LE(d.wait_median_hours[0], d.wait_hours[0]);
    top = std::max(top, d.queue_km[0]);
  }
  EXPECT_GT(top, 0);
}

TEST(ExodusRules, EachKindOfLeaverKeepsItsClockAndItsDestinations) {
  TinyScenario t;
  // Half the pool leaves fast and only north, half slowly and only south; no kind flies.
  t.files["leavers.csv"] =
      "kind,share,shock_hazard,shock_decay_days,destinations,source\n"
      "summoned,0.5,0.02,2,North,test\nwary,0.5,0.002,50,South,test\n";
  ExodusRules* rules = nullptr;
  const auto s = t.read();
  const auto days = run(s, 1, &rules);
  double stay_fast = 1, stay_slow = 1;
  for (int k = 0; k < s.days - s.shock_day; ++k) {
    stay_fast *= 1 - 0.02 * std::exp(-k / 2.0);
    stay_slow *= 1 - 0.002 * std::exp(-k / 50.0);
  }
  const double expected_north = 5e5 * (1 - stay_fast), expected_south = 5e5 * (1 - stay_slow);
  EXPECT_NEAR(total(days, [](const ExodusDay& d) { return d.deciders; }), expected_north + expected_south,
              4 * std::sqrt(expected_north + expected_south));
  // Each reaches its one checkpoint once: it joins or turns away (and, with nowhere else to go, gives up).
  const auto arrived = [&](std::size_t c) {
    return total(days, [c](const ExodusDay& d) { return d.joined[c] + d.turned_away[c]; });
  };
  EXPECT_NEAR(arrived(0), expected_north, 4 * std::sqrt(expected_north));
  EXPECT_NEAR(arrived(1), expected_south, 4 * std::sqrt(expected_south));
  EXPECT_EQ(total(days, [](const ExodusDay& d) { return d.flight_demand[0]; }), 0);
  // The slow kind is still leaving at the end; the fast one has all but stopped.
  const auto& last = days.back();
  EXPECT_GT(last.joined[1], 10 * std::max(1.0, last.joined[0]));
}

TEST(ExodusRules, TolerancesThatDifferLetSomeJoinLongerQueues) {
  const auto peak_wait = [](double spread) {
    TinyScenario t;
    t.files["checkpoints.csv"] =
        "checkpoint,destination,latitude,longitude,vehicles_per_day,persons_per_vehicle,baseline_per_day\n"
        "N1,North,52,40,100,2,0\nS1,South,48,40,100,2,0\n";
    t.files["leavers.csv"] = "kind,share,shock_hazard,shock_decay_days,wait_tolerance_days,wait_tolerance_spread,source\n"
                             "all,1,0.01,3,1," + std::to_string(spread) + ",test\n";
    double top = 0;
    for (const auto& d : run(t.read())) top = std::max(top, d.wait_hours[0]);
    return top;
  };
  // One threshold: nobody joins behind more than a day of service, so nobody waits much
  // beyond a day. Spread tolerances: the patient join longer queues.
  const double alike = peak_wait(0), spread = peak_wait(1.0);
  EXPECT_LE(alike, 24 + 1);
  EXPECT_GT(spread, 36);
}

TEST(ExodusRules, OrdinaryTrafficKeepsItsWeekAndFollowsPolicy) {
  TinyScenario t;
  // 2022-09-01 is a Thursday: weekdays at half the baseline, weekends at 2.25 times it.
  t.files["checkpoints.csv"] =
      "checkpoint,destination,latitude,longitude,vehicles_per_day,persons_per_vehicle,baseline_per_day,weekly_profile\n"
      "N1,North,52,40,1000,2,100,0.5;0.5;0.5;0.5;0.5;2.25;2.25\nS1,South,48,40,1000,2,0,\n";
  const auto week = run(t.read());
  EXPECT_NEAR(week[0].entries[0], 50, 1e-6);   // Thursday
  EXPECT_NEAR(week[1].entries[0], 50, 1e-6);   // Friday
  EXPECT_NEAR(week[2].entries[0], 225, 1e-6);  // Saturday
  EXPECT_NEAR(week[3].entries[0], 225, 1e-6);  // Sunday
  // From the 3rd half as many come; from the 4th a fifth of those who come are refused.
  t.files["events.csv"] += "2022-09-03,ordinary_scale,N1,0.5\n2022-09-04,ordinary_refusal,North,0.2\n";
  const auto policy = run(t.read());
  EXPECT_NEAR(policy[1].entries[0], 50, 1e-6);
  EXPECT_NEAR(policy[2].entries[0], 112.5, 1e-6);
  EXPECT_NEAR(policy[3].entries[0], 112.5 * 0.8, 1e-6);
  EXPECT_NEAR(policy[3].refused_ordinary[0], 112.5 * 0.2, 1e-6);
  EXPECT_NEAR(policy[3].checkpoint_entries[0], policy[3].entries[0], 1e-6);  // one crossing into North
  EXPECT_NEAR(policy[3].processed[0], 112.5, 1e-6);
}

TEST(ExodusRules, SameSeedSameDaysWhateverTheThreadCount) {
  const auto s = TinyScenario{}.read();
  const auto one = run(s, 1);
  const auto eight = run(s, 8);
  ASSERT_EQ(one.size(), eight.size());
  for (std::size_t d = 0; d < one.size(); ++d) {
    EXPECT_EQ(one[d].entries, eight[d].entries) << d;
    EXPECT_EQ(one[d].returns, eight[d].returns) << d;
    EXPECT_EQ(one[d].exits, eight[d].exits) << d;
    EXPECT_EQ(one[d].queue_persons, eight[d].queue_persons) << d;
  }
}

}  // namespace
}  // namespace exodus::testing
