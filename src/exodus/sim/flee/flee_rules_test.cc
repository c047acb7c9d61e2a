// Each Flee rule pinned on a tiny graph. Statistical checks use enough agents that the
// tolerance is several standard deviations.
#include "exodus/sim/flee/flee_rules.h"

#include <gtest/gtest.h>

#include "exodus/sim/engine.h"
#include "exodus/sim/flee/spawn_schedule.h"
#include "tiny_flee_case.h"

namespace exodus {
namespace {

using testing::TinyFleeCase;

// A world from locations and routes only: no validation data, no spawning.
FleeWorld custom_world(const std::string& locations, const std::string& routes, int days,
                       const std::string& settings = "", const std::string& closures = "",
                       const std::string& conflicts = "") {
  TinyFleeCase c;
  c.input["locations.csv"] = "#name,region,country,lat,lon,location_type,conflict_date,population\n" + locations;
  c.input["routes.csv"] = "#name1,name2,distance\n" + routes;
  c.input["closures.csv"] = "#type,a,b,start,end\n" + closures;
  std::string table = conflicts.empty() ? "#Day\n" : conflicts;
  if (conflicts.empty())
    for (int t = 0; t < days; ++t) table += std::to_string(t) + "\n";
  c.input["conflicts.csv"] = table;
  c.input["sim_period.csv"] = "StartDate,2020-01-01\nLength," + std::to_string(days) + "\n";
  c.settings = settings;
  c.drop_validation();
  return c.world();
}

void run(FleeRules& rules, int threads = 1) {
  EngineOptions options;
  options.threads = threads;
  run_days(rules, options);
}

// Runs one day by hand, to look at the state between days.
void step_day(FleeRules& r, std::int32_t day) {
  Tally tally(r.tally_size(), 0);
  r.begin_day(day);
  r.move_agents(day, 0, r.agent_count(), tally);
  r.end_day(day, tally);
}

std::int64_t count_at(const FleeRules& r, const FleeWorld& w, const char* name) {
  return r.location_counts()[w.graph.find(name)];
}

// Agents on the link from `from` to `to`.
std::int64_t count_on(const FleeRules& r, const FleeWorld& w, const char* from, const char* to) {
  std::int64_t n = 0;
  const auto& a = r.agents();
  for (auto where : a.where) {
    if (!(where & FleeAgents::kOnLink)) continue;
    const auto& l = w.graph.link(where & FleeAgents::kIdMask);
    n += l.from == w.graph.find(from) && l.to == w.graph.find(to);
  }
  return n;
}

TEST(FleeRules, TownMoveChanceIsThreeTenths) {
  const auto w = custom_world("T,R,H,0,0,town,,0\nX,R,H,0,0,town,,0\n", "T,X,1000\n", 1);
  FleeRules r(w, 1);
  r.add_agents(w.graph.find("T"), 100000);
  run(r);
  EXPECT_NEAR(static_cast<double>(count_on(r, w, "T", "X")), 30000, 600);
  EXPECT_EQ(count_at(r, w, "T") + count_on(r, w, "T", "X"), 100000);
}

TEST(FleeRules, RouteChoiceWeighsInverseDistancePlusSoftening) {
  const auto w = custom_world("T,R,H,0,0,conflict_zone,0,1\nX,R,H,0,0,town,,0\nY,R,H,0,0,town,,0\n",
                              "T,X,400\nT,Y,1200\n", 1);
  FleeRules r(w, 2);
  r.add_agents(w.graph.find("T"), 100000);
  run(r);
  // P(X) = (1/410) / (1/410 + 1/1210)
  const double expected = (1.0 / 410) / (1.0 / 410 + 1.0 / 1210);
  EXPECT_NEAR(count_on(r, w, "T", "X") / 100000.0, expected, 0.006);
  EXPECT_EQ(count_at(r, w, "T"), 0);  // conflict zones: everyone leaves
}

TEST(FleeRules, ConflictZonesAttractLessByConflictWeight) {
  const auto w = custom_world("T,R,H,0,0,conflict_zone,0,1\nX,R,H,0,0,conflict_zone,0,1\nY,R,H,0,0,town,,0\n",
                              "T,X,400\nT,Y,400\n", 1, "move_rules:\n  conflict_weight: 0.25\n");
  FleeRules r(w, 3);
  r.add_agents(w.graph.find("T"), 100000);
  run(r);
  EXPECT_NEAR(count_on(r, w, "T", "X") / 100000.0, 0.25 / 1.25, 0.006);
}

TEST(FleeRules, ForeignAndCampWeightsMultiply) {
  const auto w = custom_world("T,R,H,0,0,conflict_zone,0,1\nX,R,Abroad,0,0,camp,,0\nY,R,H,0,0,town,,0\n",
                              "T,X,400\nT,Y,400\n", 1, "move_rules:\n  foreign_weight: 2\n  camp_weight: 1.5\n");
  FleeRules r(w, 4);
  r.add_agents(w.graph.find("T"), 100000);
  run(r);
  EXPECT_NEAR(count_on(r, w, "T", "X") / 100000.0, 3.0 / 4.0, 0.006);
}

TEST(FleeRules, TravelNeedsStrictlyMoreThanTheDistance) {
  const auto w = custom_world("T,R,H,0,0,conflict_zone,0,1\nX,R,H,0,0,camp,,0\nY,R,H,0,0,camp,,0\nZ,R,H,0,0,town,,0\n",
                              "T,X,360\nX,Z,5000\n", 2);
  FleeRules r(w, 5);
  r.add_agents(w.graph.find("T"), 10);
  step_day(r, 0);
  EXPECT_EQ(count_on(r, w, "T", "X"), 10);  // 360 km is not more than 360: still travelling
  step_day(r, 1);
  EXPECT_EQ(count_at(r, w, "X") + count_on(r, w, "X", "T") + count_on(r, w, "X", "Z"), 10);
}

TEST(FleeRules, AgentsKeepMovingWhileTheDayHasDistanceLeft) {
  // T -100- A -100- B: from the hub A, B (camp) weighs 1/110 and T (conflict) 0.25/110, so
  // P(B) = 0.8 per visit; with budget for a second visit the same day, 0.8 + 0.2 * 0.8.
  const auto w = custom_world("T,R,H,0,0,conflict_zone,0,1\nA,R,H,0,0,forwarding_hub,,0\nB,R,H,0,0,camp,,0\n",
                              "T,A,100\nA,B,100\n", 1, "move_rules:\n  conflict_weight: 0.25\n");
  FleeRules r(w, 6);
  r.add_agents(w.graph.find("T"), 50000);
  run(r);
  EXPECT_NEAR(count_at(r, w, "B") / 50000.0, 0.96, 0.006);
}

TEST(FleeRules, NearlyFullCampsWeighLessAndFullOnesNothing) {
  const auto w = custom_world("T,R,H,0,0,conflict_zone,0,1\nX,R,H,0,0,camp,,1000\nY,R,H,0,0,camp,,0\n",
                              "T,X,400\nT,Y,400\n", 1);
  FleeRules half(w, 7);
  half.add_agents(w.graph.find("X"), 940);  // 1 - (940 - 900) / 100 = 0.6
  half.add_agents(w.graph.find("T"), 60000);
  run(half);
  EXPECT_NEAR(count_on(half, w, "T", "X") / 60000.0, 0.6 / 1.6, 0.007);

  FleeRules full(w, 8);
  full.add_agents(w.graph.find("X"), 1000);
  full.add_agents(w.graph.find("T"), 1000);
  run(full);
  EXPECT_EQ(count_on(full, w, "T", "X"), 0);
}

TEST(FleeRules, ClosedLinksAreNotChosenUntilReopened) {
  const auto w = custom_world("T,R,H,0,0,conflict_zone,0,1\nX,R,Abroad,0,0,camp,,0\nY,R,H,0,0,town,,0\n",
                              "T,X,4000\nT,Y,4000\n", 3, "", "country,H,Abroad,0,2\n");
  FleeRules r(w, 9);
  r.add_agents(w.graph.find("T"), 1000);
  run(r);
  EXPECT_EQ(count_on(r, w, "T", "X"), 0);
  EXPECT_EQ(count_on(r, w, "T", "Y"), 1000);
}

TEST(FleeRules, AgentsOnALinkThatClosesTurnBack) {
  const auto w = custom_world("T,R,H,0,0,conflict_zone,0,1\nX,R,Abroad,0,0,camp,,0\n",
                              "T,X,500\n", 2, "", "country,H,Abroad,1,-1\n");
  FleeRules r(w, 10);
  r.add_agents(w.graph.find("T"), 100);
  run(r);
  EXPECT_EQ(count_at(r, w, "X"), 0);
  EXPECT_EQ(count_at(r, w, "T"), 100);
  EXPECT_EQ(r.stats().turned_back, 100);
}

TEST(FleeRules, NoOpenRouteMeansStaying) {
  const auto w = custom_world("T,R,H,0,0,conflict_zone,0,1\nX,R,Abroad,0,0,camp,,0\n", "T,X,50\n", 1, "",
                              "location,T,,0,-1\n");
  FleeRules r(w, 11);
  r.add_agents(w.graph.find("T"), 10);
  run(r);
  EXPECT_EQ(count_at(r, w, "T"), 10);
  EXPECT_EQ(r.stats().route_not_found, 10);
}

TEST(FleeRules, ConflictStartMakesEveryoneLeave) {
  const auto w = custom_world("T,R,H,0,0,conflict_zone,1,100\nX,R,H,0,0,town,,0\n", "T,X,4000\n", 2, "", "",
                              "#Day,T\n0,0\n1,1\n");
  FleeRules r(w, 12);
  r.add_agents(w.graph.find("T"), 20000);
  step_day(r, 0);
  EXPECT_NEAR(static_cast<double>(count_at(r, w, "T")), 14000, 300);  // a town on day 0
  step_day(r, 1);
  EXPECT_EQ(count_at(r, w, "T"), 0);  // a conflict zone from day 1
}

TEST(FleeRules, DataDrivenSpawningFollowsTheCampSeriesWithDebt) {
  TinyFleeCase c;
  c.validation["c.csv"] = "Date,count\n2020-01-01,10\n2020-01-03,30\n2020-01-05,0\n2020-01-11,60\n";
  c.validation["d.csv"] = "Date,count\n2020-01-01,0\n";
  const auto w = c.world();
  const auto s = data_driven_spawns(w);
  // Camp data C: 10, 20, 30, 15, 0, 10, 20, 30, 40, 50 (D stays 0).
  const std::vector<std::int64_t> fresh{0, 10, 10, 0, 0, 0, 0, 0, 10, 10};
  const std::vector<std::int64_t> debt{0, 0, 0, 15, 30, 20, 10, 0, 0, 0};
  for (std::size_t t = 0; t < fresh.size(); ++t) {
    EXPECT_EQ(s[t].new_agents, fresh[t]) << t;
    EXPECT_EQ(s[t].debt, debt[t]) << t;
  }
  EXPECT_EQ(s[0].raw_count, 10 + 10 + 0);  // total + camps on day 0, as Flee counts it
}

TEST(FleeRules, DayZeroFillsCampsAndSpawnsOnlyInConflictZones) {
  TinyFleeCase c;
  const auto w = c.world();
  FleeRules r(w, 13);
  EXPECT_EQ(count_at(r, w, "C"), 10);
  EXPECT_EQ(count_at(r, w, "D"), 0);
  EXPECT_EQ(r.agent_count(), 10u);
  run(r);
  // The agent total follows the camps' data: 64 + 36 on the last day.
  EXPECT_EQ(w.series[1].daily[9] + w.series[2].daily[9], 100);
  EXPECT_EQ(r.agent_count(), 100u);
}

TEST(FleeRules, SpawnOriginsFollowPopulationTimesIntensity) {
  TinyFleeCase c;
  c.input["locations.csv"] += "E,R,Home,0,4,conflict_zone,0,30000\n";
  c.input["routes.csv"] += "E,B,5000\n";
  c.input["conflicts.csv"] = "#Day,A,E\n0,1,1\n1,1,0.5\n2,1,1\n3,1,1\n4,1,1\n5,1,1\n6,1,1\n7,1,1\n8,1,1\n9,1,1\n";
  c.input["routes.csv"] = "#a,b,d\nA,B,5000\nB,C,200\nB,D,300\nE,B,5000\n";
  c.validation["c.csv"] = "Date,count\n2020-01-01,0\n2020-01-02,100000\n";
  c.validation["d.csv"] = "Date,count\n2020-01-01,0\n";
  auto w = c.world();
  w.days = 2;
  FleeRules r(w, 14);
  run(r);
  // A: 10000, E: 30000 (intensity changes between positive values are ignored, as in Flee).
  EXPECT_EQ(r.agent_count(), 100000u);
  EXPECT_NEAR((count_at(r, w, "E") + count_on(r, w, "E", "B")) / 100000.0, 0.75, 0.006);
}

// 100,000 agents at T, far from anywhere, facing chance[t] on day t: those still there after
// day t are Π(1 − chance[s]) for s ≤ t, whether the day of leaving is drawn each day or once
// per stretch of constant chance.
void expect_geometric_departures(const FleeWorld& w, const std::vector<double>& chance, std::uint64_t seed) {
  FleeRules r(w, seed);
  r.add_agents(w.graph.find("T"), 100000);
  double stay = 1;
  for (std::size_t day = 0; day < chance.size(); ++day) {
    step_day(r, static_cast<std::int32_t>(day));
    stay *= 1 - chance[day];
    EXPECT_NEAR(static_cast<double>(count_at(r, w, "T")), 100000 * stay, 700) << day;
  }
}

TEST(FleeRulesWake, FirstMoveDayIsGeometricAtAConstantChance) {
  const auto w = custom_world("T,R,H,0,0,town,,0\nX,R,H,0,0,town,,0\n", "T,X,100000\n", 6);
  expect_geometric_departures(w, std::vector<double>(6, 0.3), 21);
}

// A chance low enough that most idle stretches are long (drawn through the logarithm).
TEST(FleeRulesWake, FirstMoveDayIsGeometricAtALowChance) {
  const auto w = custom_world("T,R,H,0,0,town,,0\nX,R,H,0,0,town,,0\n", "T,X,100000\n", 30,
                              "move_rules:\n  default_movechance: 0.02\n");
  expect_geometric_departures(w, std::vector<double>(30, 0.02), 26);
}

// A chance that changes every day (a conflict switching on and off, conflict_movechance 0.4,
// default_movechance 0.1): the wake days drawn from yesterday's chance are drawn again.
TEST(FleeRulesWake, WakeDaysAreDrawnAgainWhenTheChanceChanges) {
  const auto w = custom_world("T,R,H,0,0,conflict_zone,0,100\nX,R,H,0,0,town,,0\n", "T,X,100000\n", 4,
                              "move_rules:\n  conflict_movechance: 0.4\n  default_movechance: 0.1\n", "",
                              "#Day,T\n0,1\n1,0\n2,1\n3,0\n");
  expect_geometric_departures(w, {0.4, 0.1, 0.4, 0.1}, 22);
}

TEST(FleeRulesWake, AgentsWithNoChanceToMoveCostNothing) {
  const auto w = custom_world("T,R,H,0,0,town,,0\nX,R,H,0,0,town,,0\n", "T,X,10\n", 30,
                              "move_rules:\n  default_movechance: 0\n");
  FleeRules r(w, 23);
  r.add_agents(w.graph.find("T"), 5000);
  run(r, 2);
  EXPECT_EQ(count_at(r, w, "T"), 5000);
  EXPECT_EQ(r.stats().agent_days_acted, 0);
}

TEST(FleeRulesWake, AgentsThatActAreThoseThatMove) {
  const auto w = custom_world("T,R,H,0,0,town,,0\nX,R,H,0,0,town,,0\n", "T,X,100000\n", 1);
  FleeRules r(w, 24);
  r.add_agents(w.graph.find("T"), 100000);
  run(r);
  // On day 0 every agent is at T; those whose chance came up moved onto the link, no one else acted.
  EXPECT_EQ(r.stats().agent_days_acted, count_on(r, w, "T", "X"));
  EXPECT_NEAR(static_cast<double>(r.stats().agent_days_acted), 30000, 600);
}

// Each change of chance leaves the old entries of the agents drawn again in their days' lists;
// the lists are rebuilt before those pass about twice the agent count.
TEST(FleeRulesWake, WakeListsStayWithinABoundOfTheAgentCount) {
  std::string table = "#Day,T\n";
  for (int t = 0; t < 300; ++t) table += std::to_string(t) + "," + std::to_string(t % 2) + "\n";
  const auto w = custom_world("T,R,H,0,0,conflict_zone,0,100\nX,R,H,0,0,town,,0\n", "T,X,100000\n", 300,
                              "move_rules:\n  conflict_movechance: 0.001\n  default_movechance: 0.002\n", "",
                              table);
  FleeRules r(w, 25);
  const std::size_t agents = 40000;
  r.add_agents(w.graph.find("T"), agents);
  std::size_t most = 0;
  for (std::int32_t day = 0; day < 300; ++day) {
    step_day(r, day);
    most = std::max(most, r.wake_list_entries());
  }
  // Without rebuilding, 300 redraws of 40,000 agents would leave about 12 million entries.
  EXPECT_LE(most, 3 * agents + 65536);
  EXPECT_GE(most, 2 * agents);  // stale entries did pile up to the point of a rebuild
}

TEST(FleeRules, SameSeedSameAgentsWhateverTheThreadCount) {
  TinyFleeCase c;
  c.validation["c.csv"] = "Date,count\n2020-01-01,0\n2020-01-11,500000\n";
  const auto w = c.world();
  FleeRules one(w, 42), two(w, 42), eight(w, 42);
  run(one, 1);
  run(two, 2);
  run(eight, 8);
  EXPECT_EQ(one.agents().where, two.agents().where);
  EXPECT_EQ(one.agents().where, eight.agents().where);
  EXPECT_EQ(one.agents().progress, eight.agents().progress);
  FleeRules other(w, 43);
  run(other, 2);
  EXPECT_NE(one.agents().where, other.agents().where);
}

}  // namespace
}  // namespace exodus

namespace exodus {
namespace {

TEST(FleeRulesAwareness, TwoStepRoutesAreFollowedThroughTowns) {
  // T -10- A -1000- B, awareness 2: candidates [A] and [A,B]. Agents on [A,B] keep going from
  // the town A (move chance 1 while a route is planned); those on [A] stop with chance 0.7.
  const auto w = custom_world("T,R,H,0,0,conflict_zone,0,1\nA,R,H,0,0,town,,0\nB,R,H,0,0,camp,,0\n",
                              "T,A,10\nA,B,1000\n", 1,
                              "move_rules:\n  awareness_level: 2\n  conflict_weight: 0\n");
  FleeRules r(w, 21);
  r.add_agents(w.graph.find("T"), 100000);
  run(r);
  // P([A,B]) = (1/1020) / (1/20 + 1/1020); the rest reach A and, with the town's move chance
  // 0.3, leave it for B (T, a conflict zone, weighs nothing with conflict_weight 0).
  const double p_route = (1.0 / 1020) / (1.0 / 20 + 1.0 / 1020);
  const double expected = p_route + (1 - p_route) * 0.3;
  EXPECT_NEAR(count_on(r, w, "A", "B") / 100000.0, expected, 0.004);
}

TEST(FleeRulesLinks, ForcedRedirectionRowIsOneLinkEachWay) {
  const auto w = custom_world("T,R,H,0,0,town,,1\nX,R,H,0,0,town,,0\n", "T,X,10,1\n", 1);
  EXPECT_EQ(w.graph.link_count(), 2u);
}

TEST(FleeRulesLinks, LinkSpeedOverridesTheDefault) {
  TinyFleeCase c;
  c.input["routes.csv"] = "#name1,name2,distance,forced_redirection,max_move_speed\nA,B,100,0,50\nB,C,200,0,\nB,D,300,0,\n";
  c.drop_validation();
  const auto w = c.world();
  FleeRules r(w, 22);
  r.add_agents(w.graph.find("A"), 100);
  step_day(r, 0);
  // At 50 km/day the 100 km link takes three days (arrival needs more than 100 km).
  EXPECT_EQ(count_on(r, w, "A", "B"), 100);
  for (std::uint32_t i = 0; i < r.agent_count(); ++i) EXPECT_FLOAT_EQ(r.agents().progress[i], 50.0f);
}

}  // namespace
}  // namespace exodus

namespace exodus {
namespace {

TEST(FleeRulesRandom, AnySplitOfAgentsIntoRangesGivesTheSameDay) {
  // An agent's draws depend on (seed, agent, day) only, so ranges of any size give the same day.
  const auto w = custom_world("T,R,H,0,0,town,,0\nX,R,H,0,0,town,,0\nY,R,H,0,0,town,,0\n", "T,X,400\nT,Y,500\n", 1);
  FleeRules whole(w, 31), split(w, 31);
  whole.add_agents(w.graph.find("T"), 1001);
  split.add_agents(w.graph.find("T"), 1001);
  Tally a(whole.tally_size(), 0), b(split.tally_size(), 0);
  whole.begin_day(0);
  split.begin_day(0);
  whole.move_agents(0, 0, 1001, a);
  for (auto [from, to] : {std::pair<std::size_t, std::size_t>{0, 3}, {3, 10}, {10, 11}, {11, 500}, {500, 1001}})
    split.move_agents(0, from, to, b);
  EXPECT_EQ(whole.agents().where, split.agents().where);
  EXPECT_EQ(a, b);
}

}  // namespace
}  // namespace exodus
