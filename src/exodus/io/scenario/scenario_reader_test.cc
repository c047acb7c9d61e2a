#include "exodus/io/scenario/scenario_reader.h"

#include <gtest/gtest.h>

#include <ostream>

#include <functional>

#include "tiny_scenario.h"

namespace exodus::testing {
namespace {

TEST(ScenarioReader, ReadsTheTinyScenario) {
  const auto s = TinyScenario{}.read();
  EXPECT_EQ(s.name, "tiny");
  EXPECT_EQ(s.days, 20);
  EXPECT_EQ(s.shock_day, 4);
  ASSERT_EQ(s.checkpoints.size(), 2u);
  EXPECT_EQ(s.checkpoints[1].destination, 1u);
  EXPECT_DOUBLE_EQ(s.checkpoints[0].persons_per_day(), 2000);
  EXPECT_EQ(s.destinations[0].groups, std::vector<std::string>{"Club"});
  EXPECT_DOUBLE_EQ(s.parameters.shock_hazard, 0.01);
}

struct Bad {
  const char* name;
  std::function<void(TinyScenario&)> spoil;
  const char* file;
  std::size_t line;
  const char* field;
  const char* message;
};
// The case's name, where GoogleTest would print the struct's bytes.
void PrintTo(const Bad& c, std::ostream* os) { *os << c.name; }

void append(std::string& s, const std::string& more) { s += more; }

const Bad kBad[] = {
    {"missing scenario.yaml", [](auto& t) { t.files.erase("scenario.yaml"); }, "scenario.yaml", 0, "", "file not found"},
    {"end before start", [](auto& t) { t.files["scenario.yaml"] = "name: x\nstart_date: 2022-09-10\nend_date: 2022-09-01\nshock_date: 2022-09-05\n"; },
     "scenario.yaml", 3, "end_date", "before start_date"},
    {"shock outside", [](auto& t) { t.files["scenario.yaml"] = "name: x\nstart_date: 2022-09-01\nend_date: 2022-09-10\nshock_date: 2023-01-01\n"; },
     "scenario.yaml", 4, "shock_date", "between start_date and end_date"},
    {"absurd length", [](auto& t) { t.files["scenario.yaml"] = "name: x\nstart_date: 2022-09-01\nend_date: 9999-01-01\nshock_date: 2022-09-05\n"; },
     "scenario.yaml", 3, "end_date", "the limit is"},
    {"unknown parameter", [](auto& t) { append(t.files["scenario.yaml"], "  shock_hazzard: 1\n"); },
     "scenario.yaml", 11, "parameters.shock_hazzard", "unknown parameter (did you mean 'shock_hazard'?)"},
    {"misspelt key", [](auto& t) { append(t.files["scenario.yaml"], "shok_date: 2022-09-05\n"); },
     "scenario.yaml", 11, "shok_date", "unknown key (did you mean 'shock_date'?)"},
    {"people per agent below one", [](auto& t) { append(t.files["scenario.yaml"], "calibration_people_per_agent: 0.5\n"); },
     "scenario.yaml", 11, "calibration_people_per_agent", "must be 1 to 1000, not 0.5"},
    {"people per agent not a number", [](auto& t) { append(t.files["scenario.yaml"], "calibration_people_per_agent: ten\n"); },
     "scenario.yaml", 11, "calibration_people_per_agent", "expected a number"},
    {"hazard above one", [](auto& t) {
       auto& y = t.files["scenario.yaml"];
       y.replace(y.find("base_hazard: 0"), 14, "base_hazard: 2"); },
     "scenario.yaml", 7, "parameters.base_hazard", "outside the allowed range"},
    {"key given twice", [](auto& t) { append(t.files["scenario.yaml"], "  base_hazard: 2\n"); },
     "scenario.yaml", 11, "parameters.base_hazard", "appears twice (first on line 7)"},
    {"missing column", [](auto& t) { t.files["regions.csv"] = "region,latitude,longitude,eligible_pool,other_pool\nHome,50,40,1,0\n"; },
     "regions.csv", 1, "share_can_fly", "required column is missing"},
    {"misspelt column", [](auto& t) { t.files["regions.csv"] = "region,latitude,longitude,eligible_pool,other_pool,share_can_fly,hazzard_multiplier\nHome,50,40,1,0,0,1\n"; },
     "regions.csv", 1, "hazzard_multiplier", "unknown column (did you mean 'hazard_multiplier'?)"},
    {"negative pool", [](auto& t) { t.files["regions.csv"] = "region,latitude,longitude,eligible_pool,other_pool,share_can_fly\nHome,50,40,-5,0,0.2\n"; },
     "regions.csv", 2, "eligible_pool", "outside the allowed range"},
    {"duplicate region", [](auto& t) { append(t.files["regions.csv"], "Home,50,40,1,0,0.2\n"); },
     "regions.csv", 3, "region", "duplicate region 'Home'"},
    {"unknown destination", [](auto& t) { append(t.files["checkpoints.csv"], "X1,Mars,50,40,10,2,0\n"); },
     "checkpoints.csv", 4, "destination", "unknown destination 'Mars'"},
    {"bad open flag", [](auto& t) { t.files["checkpoints.csv"] = "checkpoint,destination,latitude,longitude,vehicles_per_day,persons_per_vehicle,open\nN1,North,52,40,10,2,maybe\n"; },
     "checkpoints.csv", 2, "open", "expected yes or no"},
    {"capacity not a number", [](auto& t) { append(t.files["checkpoints.csv"], "X1,North,50,40,lots,2,0\n"); },
     "checkpoints.csv", 4, "vehicles_per_day", "expected a number"},
    {"flight from unknown region", [](auto& t) { append(t.files["flights.csv"], "Nowhere,Air,10,10\n"); },
     "flights.csv", 3, "region", "unknown region 'Nowhere'"},
    {"unknown event kind", [](auto& t) { append(t.files["events.csv"], "2022-09-06,teleport,N1,1\n"); },
     "events.csv", 2, "kind", "unknown event kind 'teleport'; the kinds are approach_limit, close, entry_ban"},
    {"misspelt event kind", [](auto& t) { append(t.files["events.csv"], "2022-09-06,entry_bann,North,0.5\n"); },
     "events.csv", 2, "kind", "unknown event kind 'entry_bann' (did you mean 'entry_ban'?)"},
    {"event on unknown checkpoint", [](auto& t) { append(t.files["events.csv"], "2022-09-06,close,N9,0\n"); },
     "events.csv", 2, "target", "unknown checkpoint 'N9'"},
    {"refusal share above one", [](auto& t) { append(t.files["events.csv"], "2022-09-06,exit_refusal,ALL,1.5\n"); },
     "events.csv", 2, "value", "outside the allowed range"},
    {"event date malformed", [](auto& t) { append(t.files["events.csv"], "6 Sept,close,N1,0\n"); },
     "events.csv", 2, "date", "expected a date"},
    {"target window reversed", [](auto& t) { append(t.files["targets.csv"], "a,entries,North,2022-09-10,2022-09-05,1,0,2\n"); },
     "targets.csv", 2, "window_end", "before window_start"},
    {"target low above high", [](auto& t) { append(t.files["targets.csv"], "a,entries,North,2022-09-05,2022-09-10,1,3,2\n"); },
     "targets.csv", 2, "high", "below low"},
    {"target on unknown place", [](auto& t) { append(t.files["targets.csv"], "a,entries,Atlantis,2022-09-05,2022-09-10,1,0,2\n"); },
     "targets.csv", 2, "place", "unknown place 'Atlantis'"},
    {"queue target at a destination", [](auto& t) { append(t.files["targets.csv"], "q,queue_vehicles,North,2022-09-05,2022-09-10,1,0,2\n"); },
     "targets.csv", 2, "place", "metric queue_vehicles is measured at a checkpoint"},
    {"entries target at a checkpoint", [](auto& t) { append(t.files["targets.csv"], "e,entries,N1,2022-09-05,2022-09-10,1,0,2\n"); },
     "targets.csv", 2, "place", "'N1' is a checkpoint (use processed)"},
    // Once a crash (fuzz/regressions/scenario): a target at a checkpoint whose destination
    // could not be read.
    {"target at a checkpoint of no destination",
     [](auto& t) {
       t.files["destinations.csv"] = "destination,attractiveness\n";
       append(t.files["targets.csv"], "p,processed,N1,2022-09-05,2022-09-10,1,0,2\n");
     },
     "destinations.csv", 0, "", "defines no destination"},
    {"destination with half a position", [](auto& t) { t.files["destinations.csv"] = "destination,attractiveness,latitude,longitude\nNorth,0,60,30\nSouth,0,,30\nAir,0,,\n"; },
     "destinations.csv", 3, "latitude", "needs both latitude and longitude"},
    {"destination off the globe", [](auto& t) { t.files["destinations.csv"] = "destination,attractiveness,latitude,longitude\nNorth,0,91,30\nSouth,0,,\nAir,0,,\n"; },
     "destinations.csv", 2, "latitude", "outside"},
    {"too many fields", [](auto& t) { append(t.files["flights.csv"], "Home,Air,1,1,extra\n"); },
     "flights.csv", 3, "", "has 5 fields, the header has 4"},
    {"prior of an unknown parameter", [](auto& t) { t.files["priors.csv"] = "parameter,prior,center,spread,lower,upper,reasoning\nshock_hazzard,lognormal,0.01,0.5,,,a guess\n"; },
     "priors.csv", 2, "parameter", "unknown parameter 'shock_hazzard'"},
    {"prior of a row that does not exist", [](auto& t) { t.files["priors.csv"] = "parameter,prior,center,spread,lower,upper,reasoning\ncheckpoints.vehicles_per_day[N9],lognormal,1000,0.5,,,a guess\n"; },
     "priors.csv", 2, "parameter", "checkpoints has no row 'N9'"},
    {"prior bound outside the range", [](auto& t) { t.files["priors.csv"] = "parameter,prior,center,spread,lower,upper,reasoning\nevents.value[*],lognormal,1,0.5,0.5,2,a guess\n"; append(t.files["events.csv"], "2022-09-06,entry_ban,North,0.8\n"); },
     "priors.csv", 2, "upper", "is above the highest value events.value[*] may take (1.25)"},
    {"prior below the range", [](auto& t) { t.files["priors.csv"] = "parameter,prior,center,spread,lower,upper,reasoning\nshock_hazard,normal,0.01,0.01,-1,0.5,a guess\n"; },
     "priors.csv", 2, "lower", "is below the lowest value shock_hazard may take (0)"},
    {"unknown prior shape", [](auto& t) { t.files["priors.csv"] = "parameter,prior,center,spread,lower,upper,reasoning\nshock_hazard,lognormall,0.01,0.5,,,a guess\n"; },
     "priors.csv", 2, "prior", "unknown prior 'lognormall' (did you mean 'lognormal'?)"},
    {"beta too wide", [](auto& t) { t.files["priors.csv"] = "parameter,prior,center,spread,lower,upper,reasoning\ndestinations.return_share[North],beta,0.5,0.6,,,a guess\n"; },
     "priors.csv", 2, "spread", "a beta of mean 0.5 has an sd below 0.5"},
    {"prior without reasoning", [](auto& t) { t.files["priors.csv"] = "parameter,prior,center,spread,lower,upper,reasoning\nshock_hazard,lognormal,0.01,0.5,,,\n"; },
     "priors.csv", 2, "reasoning", "is empty: say what the prior rests on"},
    {"prior of a whole number", [](auto& t) { t.files["priors.csv"] = "parameter,prior,center,spread,lower,upper,reasoning\ninformation_lag_days,uniform,,,0,5,a guess\n"; },
     "priors.csv", 2, "parameter", "is a whole number"},
    {"prior that keeps nothing", [](auto& t) { t.files["priors.csv"] = "parameter,prior,center,spread,lower,upper,reasoning\nshock_hazard,normal,0.5,0.001,0.5,0.500001,a guess\n"; },
     "priors.csv", 2, "lower", "the bounds keep"},
    {"prior given twice", [](auto& t) { t.files["priors.csv"] = "parameter,prior,center,spread,lower,upper,reasoning\nshock_hazard,lognormal,0.01,0.5,,,a\nshock_hazard,lognormal,0.01,0.5,,,b\n"; },
     "priors.csv", 3, "parameter", "shock_hazard has a prior already"},
};

class ScenarioBadInput : public ::testing::TestWithParam<Bad> {};

TEST_P(ScenarioBadInput, NamesFileLineAndField) {
  const auto& bad = GetParam();
  TinyScenario t;
  bad.spoil(t);
  const auto problems = check_scenario(t.source());
  bool matched = false;
  std::string all;
  for (const auto& e : problems) {
    all += std::string(e.what()) + "\n";
    matched = matched || (e.pos().file.ends_with(bad.file) && e.pos().line == bad.line &&
                          e.pos().field == bad.field && e.message().find(bad.message) != std::string::npos);
  }
  EXPECT_TRUE(matched) << bad.name << " gave:\n" << all;
  EXPECT_THROW(read_scenario(t.source()), InputErrors);
}

INSTANTIATE_TEST_SUITE_P(Cases, ScenarioBadInput, ::testing::ValuesIn(kBad), [](const auto& case_info) {
  std::string n = case_info.param.name;
  for (auto& ch : n) if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return n;
});

TEST(ScenarioReader, ReadsPriors) {
  TinyScenario t;
  t.files["priors.csv"] =
      "parameter,prior,center,spread,lower,upper,reasoning\n"
      "shock_hazard,lognormal,0.01,0.5,,,\"the shock, a guess\"\n"
      "destinations.return_share[North],beta,0.5,0.1,,,a share\n"
      "flights.seats_per_day[*],uniform,,,0.5,2,a scale\n";
  const Scenario s = t.read();
  ASSERT_EQ(s.priors.size(), 3u);
  EXPECT_EQ(s.priors[0].shape, PriorShape::kLogNormal);
  EXPECT_EQ(s.priors[0].lower, 0);  // the registry's range when not given
  EXPECT_EQ(s.priors[0].upper, 1);
  EXPECT_EQ(s.priors[0].reasoning, "the shock, a guess");
  EXPECT_EQ(s.priors[1].upper, 1);  // a beta stays within [0, 1]
  EXPECT_EQ(s.priors[2].lower, 0.5);
  EXPECT_EQ(s.priors[2].line, 4u);
}

// Targets are reports: what each measures, where and over which days.
TEST(ScenarioReader, TargetsBecomeReports) {
  TinyScenario t;
  append(t.files["targets.csv"], "e,entries_per_day,Club,2022-09-05,2022-09-10,100,50,150\n"
                                 "p,processed,S1,2022-09-06,2022-09-07,10,5,15\n"
                                 "w,wait_hours,N1,2022-09-06,2022-09-06,12,6,24\n");
  const auto s = t.read();
  ASSERT_EQ(s.targets.size(), 3u);
  const auto& e = s.targets[0].report;
  EXPECT_EQ(e.metric, ReportMetric::kEntries);
  EXPECT_EQ(e.unit, "persons_per_day");
  EXPECT_EQ(e.destinations, std::vector<std::string>{"Club"});
  EXPECT_EQ(e.window_start->iso(), "2022-09-05");
  EXPECT_EQ(e.value, 100);
  const auto& p = s.targets[1].report;
  EXPECT_EQ(p.metric, ReportMetric::kEntries);
  EXPECT_EQ(p.checkpoint, "S1");
  EXPECT_EQ(p.destinations, std::vector<std::string>{"South"});
  EXPECT_EQ(s.targets[2].report.metric, ReportMetric::kWaitHours);
}

TEST(ScenarioBadInput, CheckReportsEveryProblem) {
  TinyScenario t;
  append(t.files["events.csv"], "2022-09-06,teleport,N1,1\n");
  append(t.files["flights.csv"], "Nowhere,Air,10,10\n");
  append(t.files["regions.csv"], "Home,50,40,1,0,0.2\n");
  EXPECT_GE(check_scenario(t.source()).size(), 3u);
}

}  // namespace
}  // namespace exodus::testing
