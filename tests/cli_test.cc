// The command line end to end: outputs, exit codes, determinism across thread counts.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "exodus/core/csv.h"
#include "test_support.h"
#include "tiny_flee_case.h"
#include "tiny_scenario.h"

namespace exodus::testing {
namespace {

namespace fs = std::filesystem;

class Cli : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = make_temp_dir("cli"); }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(Cli, TheEmbeddedCasesGoByNameInRunAndCheck) {
  std::string out;
  EXPECT_EQ(run_exodus("check mali", &out), 0) << out;
  EXPECT_NE(out.find("mali: no problems found"), std::string::npos) << out;
  EXPECT_EQ(run_exodus("check default", &out), 0) << out;
  EXPECT_NE(out.find("default: no problems found"), std::string::npos) << out;
  ASSERT_EQ(run_exodus("run default --quiet --days 3 --out " + (dir_ / "d").string(), &out), 0) << out;
  const auto manifest = nlohmann::json::parse(read_bytes(dir_ / "d" / "manifest.json"));
  EXPECT_EQ(manifest["folder"], "embedded:mobilization-2022");
  EXPECT_EQ(manifest["end_date"], "2022-09-14");
}

TEST_F(Cli, ANegativeSeedIsRefusedNotWrapped) {
  std::string out;
  EXPECT_EQ(run_exodus("run --seed -3 --quiet --out " + (dir_ / "r").string(), &out), 2);
  EXPECT_NE(out.find("--seed: must not be negative"), std::string::npos) << out;
  EXPECT_FALSE(fs::exists(dir_ / "r"));
  EXPECT_EQ(run_exodus("estimate " + (source_dir() / "examples" / "reports" / "seeds-2022.csv").string() + " --seed -1 --out " +
                           (dir_ / "e").string(), &out), 2);
  EXPECT_NE(out.find("must not be negative"), std::string::npos) << out;
}

TEST_F(Cli, DaysBeyondACaseAreSaidNotIgnored) {
  std::string out;
  ASSERT_EQ(run_exodus("run mali --quiet --days 5000 --out " + (dir_ / "m").string(), &out), 0) << out;
  EXPECT_NE(out.find("--days 5000 is beyond the case's 300 days"), std::string::npos) << out;
  ASSERT_EQ(run_exodus("run --quiet --days 5000 --out " + (dir_ / "s").string(), &out), 0) << out;
  EXPECT_NE(out.find("--days 5000 is beyond the scenario's 111 days"), std::string::npos) << out;
}

TEST_F(Cli, AnUnknownCommandIsNamed) {
  std::string out;
  EXPECT_EQ(run_exodus("simulate", &out), 2);
  EXPECT_NE(out.find("unknown command 'simulate'; the commands are run, check, estimate, calibrate, score or report"), std::string::npos) << out;
  EXPECT_EQ(run_exodus("estimat x.csv", &out), 2);
  EXPECT_NE(out.find("(did you mean 'estimate'?)"), std::string::npos) << out;
}

TEST_F(Cli, AMisspeltPlaceIsCaughtAgainstTheScenarioAndWarnedOfWithoutOne) {
  const auto reports = dir_ / "r.csv";
  std::ofstream(reports) << kReportsHeader << "a,entries,Kazakstan,,2022-09-21,2022-09-27,98000,,,count,in,,x,,,\n"
                         << "b,entries,Kazakhstan,,2022-09-21,2022-09-27,98000,,,count,in,,x,,,\n";
  std::string out;
  EXPECT_EQ(run_exodus("estimate " + reports.string() + " --scenario default --out " + (dir_ / "e").string(), &out), 2);
  EXPECT_NE(out.find("r.csv:2: field 'destination': 'Kazakstan' is not a destination of scenario 'mobilization-2022' "
                     "(did you mean 'Kazakhstan'?)"), std::string::npos) << out;
  EXPECT_FALSE(fs::exists(dir_ / "e"));
  EXPECT_EQ(run_exodus("check " + reports.string(), &out), 0) << out;
  EXPECT_NE(out.find("warning: "), std::string::npos) << out;
  EXPECT_NE(out.find("look like one place spelt two ways"), std::string::npos) << out;
  EXPECT_EQ(run_exodus("check " + reports.string() + " --scenario default", &out), 2) << out;
}

TEST_F(Cli, HelpShowsTheDefaults) {
  std::string out;
  EXPECT_EQ(run_exodus("estimate --help", &out), 0);
  for (const char* shown : {"--chains INT:INT in [2 - 16]=4", "--samples INT:INT in [100 - 100000]=250", "=1  random seed"})
    EXPECT_NE(out.find(shown), std::string::npos) << shown << " not in:\n" << out;
  EXPECT_EQ(run_exodus("run --help", &out), 0);
  EXPECT_NE(out.find("default: the scenario's own"), std::string::npos) << out;
}

TEST_F(Cli, FleeRunWritesOutCsvManifestAndSummary) {
  std::string out;
  ASSERT_EQ(run_exodus("run mali --seed 3 --threads 2 --out " + (dir_ / "r").string(), &out), 0) << out;
  EXPECT_NE(out.find("validation error"), std::string::npos);
  // The camp table says which day it shows, dated as out.csv dates it.
  EXPECT_NE(out.find("camp, 2012-12-25 (day 299)"), std::string::npos) << out;
  EXPECT_NE(out.find("0 is a perfect fit"), std::string::npos) << out;
  const auto csv = read_bytes(dir_ / "r" / "out.csv");
  EXPECT_EQ(csv.rfind("Day,Date,Fassala-Mbera sim,Fassala-Mbera data,Fassala-Mbera error,", 0), 0u);
  EXPECT_NE(csv.find("\n299,2012-12-25,"), std::string::npos);
  const auto manifest = nlohmann::json::parse(read_bytes(dir_ / "r" / "manifest.json"));
  EXPECT_EQ(manifest["seed"], 3);
  EXPECT_EQ(manifest["case"], "mali");
  EXPECT_GE(manifest["inputs"].size(), 10u);
  EXPECT_EQ(manifest["inputs"][0]["sha256"].get<std::string>().size(), 64u);
  const auto summary = nlohmann::json::parse(read_bytes(dir_ / "r" / "summary.json"));
  EXPECT_EQ(summary["days"], 300);
  EXPECT_EQ(summary["agents"], 89991);
  EXPECT_EQ(summary["validation"]["daily"].size(), 300u);
  EXPECT_GT(summary["validation"]["ard"].get<double>(), 0.2);
}

TEST_F(Cli, SameSeedGivesByteIdenticalOutputOnOneTwoAndEightThreads) {
  for (int t : {1, 2, 8})
    ASSERT_EQ(run_exodus("run mali --quiet --seed 11 --threads " + std::to_string(t) + " --out " +
                         (dir_ / ("t" + std::to_string(t))).string()), 0);
  const auto one = read_bytes(dir_ / "t1" / "out.csv");
  EXPECT_EQ(one, read_bytes(dir_ / "t2" / "out.csv"));
  EXPECT_EQ(one, read_bytes(dir_ / "t8" / "out.csv"));
  ASSERT_EQ(run_exodus("run mali --quiet --seed 12 --out " + (dir_ / "other").string()), 0);
  EXPECT_NE(one, read_bytes(dir_ / "other" / "out.csv"));
}

TEST_F(Cli, RefusesToOverwriteAnExistingFolderWithoutForce) {
  fs::create_directories(dir_ / "taken");
  std::ofstream(dir_ / "taken" / "notes.txt") << "keep me";
  std::string out;
  EXPECT_EQ(run_exodus("run mali --quiet --out " + (dir_ / "taken").string(), &out), 4);  // an output problem
  EXPECT_NE(out.find("already exists"), std::string::npos);
  // --force replaces earlier outputs only, never a folder of the user's own.
  EXPECT_EQ(run_exodus("run mali --quiet --force --out " + (dir_ / "taken").string(), &out), 4);
  EXPECT_NE(out.find("not an exodus output folder"), std::string::npos) << out;
  EXPECT_EQ(read_bytes(dir_ / "taken" / "notes.txt"), "keep me");
  ASSERT_EQ(run_exodus("run mali --quiet --seed 1 --out " + (dir_ / "earlier").string()), 0);
  const auto first = read_bytes(dir_ / "earlier" / "out.csv");
  EXPECT_EQ(run_exodus("run mali --quiet --seed 2 --force --out " + (dir_ / "earlier").string()), 0);
  EXPECT_NE(read_bytes(dir_ / "earlier" / "out.csv"), first);
}

TEST_F(Cli, BadInputExitsTwoNamingFileLineAndFieldAndWritesNothing) {
  const auto in = dir_ / "case";
  fs::create_directories(in);
  std::ofstream(in / "locations.csv") << "#name,region,country,lat,lon,location_type,conflict_date,population\n"
                                         "A,R,H,0,0,conflict_zone,0,many\nB,R,H,0,0,camp,,10\n";
  std::ofstream(in / "routes.csv") << "#a,b,d\nA,B,10\n";
  std::ofstream(in / "conflicts.csv") << "#Day,A\n0,1\n";
  std::ofstream(in / "sim_period.csv") << "StartDate,2020-01-01\nLength,1\n";
  std::string out;
  EXPECT_EQ(run_exodus("run --flee " + in.string() + " --out " + (dir_ / "o").string(), &out), 2);
  EXPECT_NE(out.find("locations.csv:2: field 'population': expected a whole number, found 'many'"),
            std::string::npos) << out;
  EXPECT_FALSE(fs::exists(dir_ / "o"));
}

TEST_F(Cli, UnknownOptionAndMissingFolderAreUsageErrors) {
  EXPECT_EQ(run_exodus("run --no-such-flag"), 2);
  std::string out;
  EXPECT_EQ(run_exodus("run --flee " + (dir_ / "absent").string(), &out), 2);
  EXPECT_NE(out.find("is not a folder"), std::string::npos);
}

TEST_F(Cli, ScoreReadsAnOutCsv) {
  ASSERT_EQ(run_exodus("run mali --quiet --out " + (dir_ / "r").string()), 0);
  std::string out;
  EXPECT_EQ(run_exodus("score " + (dir_ / "r" / "out.csv").string(), &out), 0);
  EXPECT_NE(out.find("ARD 0."), std::string::npos);
}

}  // namespace
}  // namespace exodus::testing

namespace exodus::testing {
namespace {
TEST(CliVersion, PrintsVersion) {
  std::string out;
  EXPECT_EQ(run_exodus("--version", &out), 0);
  EXPECT_NE(out.find("exodus"), std::string::npos);
}
}  // namespace
}  // namespace exodus::testing

namespace exodus::testing {
namespace {

class CliScenario : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = make_temp_dir("cli-scenario"); }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(CliScenario, RunWithNoArgumentSimulatesThe2022Exodus) {
  std::string out;
  ASSERT_EQ(run_exodus("run --out " + (dir_ / "r").string(), &out), 0) << out;
  EXPECT_NE(out.find("mobilization-2022"), std::string::npos);
  EXPECT_NE(out.find("Verkhny Lars"), std::string::npos);
  // Figures that hold by construction (before the shock the run's entries are the scenario's
  // own ordinary traffic) are told apart from those that test the model, and those the run
  // cannot speak of say why.
  EXPECT_NE(out.find("published figures (scenario.yaml reports): 43 of 50 fit within their kind's error; 9 of 9 from "
                     "before\n  the shock fit"), std::string::npos) << out;
  EXPECT_NE(out.find("  input      georgia_daily_normal"), std::string::npos) << out;
  EXPECT_NE(out.find("  fits       neighbours_at_least"), std::string::npos) << out;
  EXPECT_NE(out.find("its window reaches outside the run"), std::string::npos) << out;
  EXPECT_NE(out.find("exits"), std::string::npos) << out;
  // Labels say what they count and over which days.
  EXPECT_NE(out.find("09-21–09-27 to 2022-12-31 to 2022-12-31"), std::string::npos) << out;
  EXPECT_EQ(out.find("(leavers)"), std::string::npos) << out;
  EXPECT_NE(out.find("peaks over every day of the run (2022-09-12 to 2022-12-31)"), std::string::npos) << out;
  EXPECT_NE(out.find("agents, the people who decided to leave"), std::string::npos) << out;
  std::ifstream daily(dir_ / "r" / "daily.csv");
  std::string header;
  std::getline(daily, header);
  EXPECT_EQ(header, "date,day,kind,place,metric,value");
  const auto summary = nlohmann::json::parse(std::ifstream(dir_ / "r" / "summary.json"));
  EXPECT_GT(summary["departures"].get<double>(), 100000);
  EXPECT_EQ(summary["reports"]["fit"], 43);
  EXPECT_EQ(summary["reports"]["inputs_fit"], 9);
  int not_compared = 0;
  for (const auto& r : summary["reports"]["rows"]) not_compared += r["verdict"] == "n/c";
  EXPECT_EQ(not_compared, 4);
}

// Without --out a run writes to runs/<scenario>-seed<N>: the same command, the same place.
// Run again, it is refused like any existing --out (nothing written, nothing replaced) until
// --force replaces the earlier output; the folder is named before the run and after it.
TEST_F(CliScenario, TheDefaultOutputFolderIsOneAndForceReplacesIt) {
  std::string out;
  ASSERT_EQ(run_exodus_in(dir_, "run", &out), 0) << out;
  EXPECT_EQ(out.rfind("exodus: mobilization-2022: outputs to runs/mobilization-2022-seed1/ when the run is over\n", 0), 0u)
      << out;
  EXPECT_NE(out.find("output    runs/mobilization-2022-seed1/"), std::string::npos) << out;
  const auto first = dir_ / "runs" / "mobilization-2022-seed1";
  ASSERT_TRUE(std::filesystem::exists(first / "manifest.json"));
  const auto command = [&] { return nlohmann::json::parse(std::ifstream(first / "manifest.json"))["command"].get<std::string>(); };
  EXPECT_EQ(run_exodus_in(dir_, "run --quiet", &out), 4) << out;
  EXPECT_NE(out.find("output folder runs/mobilization-2022-seed1 already exists"), std::string::npos) << out;
  EXPECT_EQ(command().find("--quiet"), std::string::npos) << "the earlier output is untouched";
  EXPECT_FALSE(std::filesystem::exists(dir_ / "runs" / "mobilization-2022-seed1-2"));
  EXPECT_EQ(run_exodus_in(dir_, "run --quiet --force", &out), 0) << out;
  EXPECT_NE(command().find("--force"), std::string::npos) << "--force replaced the earlier output";
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir_ / "runs"), std::filesystem::directory_iterator()), 1);
}

TEST_F(CliScenario, CheckReportsEveryProblemAndExitsTwo) {
  const auto bad = dir_ / "bad";
  std::filesystem::create_directories(bad);
  std::ofstream(bad / "scenario.yaml") << "name: bad\nstart_date: 2022-09-01\nend_date: 2022-09-30\nshock_date: 2022-09-05\n";
  std::ofstream(bad / "regions.csv") << "region,latitude,longitude,eligible_pool,other_pool,share_can_fly\nA,95,40,10,0,0\n";
  std::ofstream(bad / "destinations.csv") << "destination,attractiveness\nX,0\n";
  std::ofstream(bad / "checkpoints.csv")
      << "checkpoint,destination,latitude,longitude,vehicles_per_day,persons_per_vehicle\nC,Y,50,40,10,0\n";
  std::string out;
  EXPECT_EQ(run_exodus("check " + bad.string(), &out), 2);
  EXPECT_NE(out.find("regions.csv:2: field 'latitude'"), std::string::npos) << out;
  EXPECT_NE(out.find("checkpoints.csv:2: field 'destination': unknown destination 'Y'"), std::string::npos) << out;
  EXPECT_NE(out.find("checkpoints.csv:2: field 'persons_per_vehicle'"), std::string::npos) << out;
  std::string ok;
  EXPECT_EQ(run_exodus("check " + (source_dir() / "scenarios" / "mobilization-2022").string(), &ok), 0) << ok;
}

}  // namespace
}  // namespace exodus::testing

namespace exodus::testing {
namespace {

TEST(CliEstimate, SeedsReportsGiveTotalsIntervalsAndAFitTable) {
  const auto dir = make_temp_dir("estimate");
  std::string out;
  ASSERT_EQ(run_exodus("estimate " + (source_dir() / "examples/reports/seeds-2022.csv").string() + " --chains 2 --samples 200 --out " +
                           (dir / "e").string(), &out), 0) << out;
  EXPECT_NE(out.find("departures, all corridors, first 7 days"), std::string::npos);
  const auto summary = nlohmann::json::parse(std::ifstream(dir / "e" / "summary.json"));
  const auto& week = summary["totals"][0]["interval"];
  EXPECT_LE(week["90%"][0].get<double>(), week["median"].get<double>());
  EXPECT_LE(week["median"].get<double>(), week["90%"][1].get<double>());
  EXPECT_TRUE(summary["trustworthy"].get<bool>()) << summary["sampler"].dump();
  EXPECT_LE(summary["sampler"]["max_rhat"].get<double>(), 1.05);
  std::ifstream fit(dir / "e" / "reports_fit.csv");
  std::string header;
  std::getline(fit, header);
  EXPECT_EQ(header.rfind("file,id,metric,place,window,kind,observed", 0), 0u);
  std::ifstream daily(dir / "e" / "daily.csv");
  std::getline(daily, header);
  EXPECT_EQ(header, "date,day,days_from_shock,corridor,quantity,median,lo50,hi50,lo90,hi90,basis");
  // The last report ends on 11 October: every later row, and every total reaching past it,
  // says it is extrapolated; the rows it covers do not.
  EXPECT_EQ(summary["reports_cover_to"], "2022-10-11");
  std::string line;
  int extrapolated = 0, covered = 0;
  while (std::getline(daily, line)) {
    const bool after = line.substr(0, 10) > "2022-10-11", before = line.substr(0, 10) < "2022-09-21";
    const std::string basis = line.substr(line.rfind(',') + 1);
    if (after) {
      EXPECT_EQ(basis, "extrapolated") << line;
      ++extrapolated;
    } else if (!before) {
      EXPECT_NE(basis, "extrapolated") << line;
      ++covered;
    }
  }
  EXPECT_GT(extrapolated, 0);
  EXPECT_GT(covered, 0);
  for (const auto& t : summary["totals"]) {
    const int days = t["days"].get<int>();
    EXPECT_EQ(t["extrapolated_days"].get<int>(), std::max(0, days - 21)) << t.dump();
  }
  EXPECT_NE(out.find("79 of 100 days extrapolated"), std::string::npos) << out;
  EXPECT_NE(out.find("extrapolated: days after 2022-10-11"), std::string::npos) << out;
  // Which reports set each corridor: Georgia its own counts, Finland only Frontex's sum over five.
  for (const auto& c : summary["corridors"]) {
    const std::string name = c["corridor"];
    if (name == "Georgia") {
      EXPECT_EQ(c["level_set_by"], "own_reports");
    }
    if (name == "Finland" || name == "Mongolia") {
      EXPECT_EQ(c["level_set_by"], "aggregates_only") << name;
    }
    if (name == "Finland") {
      EXPECT_EQ(c["aggregate_reports"][0], "frontex_week");
    }
    EXPECT_GT(c["ordinary_per_day_prior"]["median"].get<double>(), 500) << "the documented prior is ~1,000 a day";
  }
  EXPECT_NE(out.find("sums with others only"), std::string::npos) << out;
  const auto manifest = nlohmann::json::parse(std::ifstream(dir / "e" / "manifest.json"));
  EXPECT_EQ(manifest["posterior"]["method"], "nuts");
  if (!summary["sampler"]["retried"].get<bool>()) {
    EXPECT_EQ(manifest["posterior"]["chains"].get<int>() * manifest["posterior"]["samples_per_chain"].get<int>(),
              summary["sampler"]["draws"].get<int>());
  }
  std::filesystem::remove_all(dir);
}

TEST(CliEstimate, AWindowShorterThanItsReportsLeavesThemUnusedAndPrintsNoRowBeyondIt) {
  const auto dir = make_temp_dir("estimate-window");
  std::string out;
  ASSERT_EQ(run_exodus("estimate " + (source_dir() / "examples/reports/seeds-2022.csv").string() +
                           " --end 2022-10-01 --chains 2 --samples 200 --out " + (dir / "e").string(), &out), 0) << out;
  EXPECT_NE(out.find("press_700k                   claim           700,000   not used: its days (2022-09-21 to "
                     "2022-10-04) are not all inside the estimate's (2022-09-07 to 2022-10-01)"),
            std::string::npos) << out;
  EXPECT_EQ(out.find("first 14 days"), std::string::npos) << out;
  EXPECT_EQ(out.find("first 30 days"), std::string::npos) << out;
  EXPECT_NE(out.find("departures, all corridors, first 11 days"), std::string::npos) << out;
  const auto summary = nlohmann::json::parse(std::ifstream(dir / "e" / "summary.json"));
  for (const auto& t : summary["totals"]) EXPECT_LE(t["days"].get<int>(), 11) << t.dump();

  ASSERT_EQ(run_exodus("estimate " + (source_dir() / "examples/reports/seeds-2022.csv").string() +
                           " --start 2022-09-25 --chains 2 --samples 200 --out " + (dir / "s").string(), &out), 0) << out;
  EXPECT_NE(out.find("kazakhstan_week              count            98,000   not used: its days (2022-09-21 to 2022-09-27) "
                     "are not all inside"), std::string::npos) << out;
  std::filesystem::remove_all(dir);
}

TEST(CliEstimate, ShowsItsProgressStageByStageAndNamesItsOutputFirst) {
  const auto dir = make_temp_dir("estimate-progress");
  std::string out;
  ASSERT_EQ(run_exodus("estimate " + (source_dir() / "examples/reports/seeds-2022.csv").string() +
                           " --chains 2 --samples 100 --progress lines --out " + (dir / "e").string(), &out), 0) << out;
  EXPECT_EQ(out.rfind("exodus: seeds-2022.csv: outputs to " + (dir / "e").string() + "/ when the estimate is done\n", 0), 0u)
      << out;
  const auto mode = out.find("estimate: finding the mode\n"), pilot = out.find("estimate: pilot run 100%\n"),
             sampling = out.find("estimate: sampling 100%\n"), table = out.find("exodus estimate: 15 reports");
  EXPECT_NE(mode, std::string::npos) << out;
  EXPECT_LT(mode, pilot) << out;
  EXPECT_LT(pilot, sampling) << out;
  EXPECT_LT(sampling, table) << out;
  ASSERT_EQ(run_exodus("estimate " + (source_dir() / "examples/reports/seeds-2022.csv").string() +
                           " --chains 2 --samples 100 --quiet --progress lines --out " + (dir / "q").string(), &out), 0) << out;
  EXPECT_EQ(out, "") << "--quiet prints nothing";
  std::filesystem::remove_all(dir);
}

TEST(CliEstimate, TheLaplaceApproximationDoesNotBlameTheReportsForItsOwnMisfit) {
  const auto dir = make_temp_dir("estimate-laplace");
  std::string out;
  ASSERT_EQ(run_exodus("estimate " + (source_dir() / "examples/reports/seeds-2022.csv").string() + " --laplace --out " +
                           (dir / "e").string(), &out), 0) << out;
  EXPECT_EQ(out.find("DOES NOT FIT"), std::string::npos) << out;
  const auto summary = nlohmann::json::parse(std::ifstream(dir / "e" / "summary.json"));
  for (const auto& f : summary["flagged_reports"])
    EXPECT_NE(f["judged_by"].get<std::string>().find("Laplace"), std::string::npos);
  const auto manifest = nlohmann::json::parse(std::ifstream(dir / "e" / "manifest.json"));
  EXPECT_EQ(manifest["posterior"]["method"], "laplace");
  std::filesystem::remove_all(dir);
}

// A window no report measures flows in (only queues and waits, or reports all outside it) is
// refused before any work, with each report's reason, not fitted to the prior alone.
TEST(CliEstimate, NoReportMeasuringFlowsInTheWindowIsABadInput) {
  const auto dir = make_temp_dir("estimate-none");
  std::ofstream(dir / "waits.csv") << kReportsHeader
                                   << "w,wait_hours,Georgia,Verkhny Lars,2022-09-26,2022-09-26,48,,,estimate,,hours,,,,\n";
  std::string out;
  EXPECT_EQ(run_exodus("estimate " + (dir / "waits.csv").string() + " --out " + (dir / "o").string(), &out), 2) << out;
  EXPECT_NE(out.find("no report measures flows in the estimate's window (2022-09-07 to 2022-12-29)"), std::string::npos)
      << out;
  EXPECT_NE(out.find("w: queues and waits depend on capacities"), std::string::npos) << out;
  EXPECT_EQ(run_exodus("estimate " + (source_dir() / "examples/reports/seeds-2022.csv").string() +
                           " --start 2022-12-01 --out " + (dir / "o").string(), &out), 2) << out;
  EXPECT_NE(out.find("no report measures flows"), std::string::npos) << out;
  EXPECT_FALSE(std::filesystem::exists(dir / "o"));
  std::filesystem::remove_all(dir);
}

TEST(CliEstimate, BadReportsExitTwo) {
  const auto dir = make_temp_dir("estimate-bad");
  std::ofstream(dir / "r.csv") << kReportsHeader << "x,arrivals,Georgia,,,2022-09-27,5,,,count,,,,,,\n";
  std::string out;
  EXPECT_EQ(run_exodus("estimate " + (dir / "r.csv").string() + " --out " + (dir / "o").string(), &out), 2);
  EXPECT_NE(out.find("r.csv:2: field 'metric': unknown metric 'arrivals'"), std::string::npos) << out;
  EXPECT_FALSE(std::filesystem::exists(dir / "o"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace exodus::testing

namespace exodus::testing {
namespace {

TEST(CliLimits, EachLimitNamesItsOptionAndTheOptionMovesIt) {
  const auto dir = make_temp_dir("limits");
  const auto scenario = dir / "long";
  copy_default_scenario_ending(scenario, "2034-01-01");  // 4,130 days
  std::string out;
  EXPECT_EQ(run_exodus("check " + scenario.string(), &out), 2);
  EXPECT_NE(out.find("field 'end_date': the scenario spans 4,130 days; the limit is 3,660 (raise it with --max-days)"),
            std::string::npos) << out;
  EXPECT_EQ(run_exodus("check " + scenario.string() + " --max-days 5000", &out), 0) << out;

  // The 2022 scenario foresees about 1.2 million leavers; with a lower ceiling it is refused.
  const auto embedded = source_dir() / "scenarios" / "mobilization-2022";
  EXPECT_EQ(run_exodus("check " + embedded.string() + " --max-agents 100000", &out), 2);
  EXPECT_NE(out.find("regions.csv:2: field 'eligible_pool': the pools and hazards would make about"), std::string::npos)
      << out;
  EXPECT_NE(out.find("the limit is 100,000 (raise it with --max-agents)"), std::string::npos) << out;
  EXPECT_EQ(run_exodus("run mali --quiet --max-agents 1000 --out " + (dir / "m").string(), &out), 2);
  EXPECT_NE(out.find("data_layout.csv: the case would create about"), std::string::npos) << out;
  EXPECT_FALSE(std::filesystem::exists(dir / "m"));

  // What a run records: daily.csv's rows for a scenario, out.csv's camp cells for a Flee case.
  EXPECT_EQ(run_exodus("check " + embedded.string() + " --max-daily-values 1000", &out), 2);
  EXPECT_NE(out.find("checkpoints.csv: the run would record"), std::string::npos) << out;
  EXPECT_NE(out.find("the limit is 1,000 (raise it with --max-daily-values)"), std::string::npos) << out;
  EXPECT_EQ(run_exodus("run mali --quiet --max-daily-values 1000 --out " + (dir / "m").string(), &out), 2);
  EXPECT_NE(out.find("locations.csv: the run would record"), std::string::npos) << out;
  EXPECT_FALSE(std::filesystem::exists(dir / "m"));
  // Routes, counted before they are built.
  EXPECT_EQ(run_exodus("run mali --quiet --max-route-steps 10 --out " + (dir / "m").string(), &out), 2);
  EXPECT_NE(out.find("routes.csv: the route search at awareness_level 1 has more than 10 links to follow"),
            std::string::npos) << out;
  EXPECT_FALSE(std::filesystem::exists(dir / "m"));

  // A 1.5 MiB reports file against a 1 MiB ceiling.
  std::ofstream big(dir / "big.csv");
  big << kReportsHeader;
  for (int i = 0; i < 30000; ++i) big << "r" << i << ",entries,Georgia,,,2022-09-27,5,,,count,,,,,,\n";
  big.close();
  EXPECT_EQ(run_exodus("check " + (dir / "big.csv").string() + " --max-input-mb 1", &out), 2);
  EXPECT_NE(out.find("big.csv: is 1.5 MiB; input files are read whole into memory, and the limit is 1 MiB (raise it "
                     "with --max-input-mb)"), std::string::npos) << out;
  EXPECT_EQ(run_exodus("check " + (dir / "big.csv").string() + " --max-reports 30000", &out), 0) << out;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace exodus::testing

namespace exodus::testing {
namespace {

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  return s;
}

// Names with commas and quotes go through every writer and back through the readers: the
// run's daily.csv, and a Flee case's out.csv, which exodus score reads again.
TEST(CsvOutputs, NamesWithCommasAndQuotesRoundTripThroughEveryWriterAndReader) {
  const auto dir = make_temp_dir("csv-names");
  TinyScenario scenario;
  const std::string name = "South \"Gate\", Ltd";
  for (auto& [file, content] : scenario.files)
    if (file == "destinations.csv" || file == "checkpoints.csv") content = replace_all(content, "South", "\"South \"\"Gate\"\", Ltd\"");
  write_files(dir / "s", scenario.files);
  std::string out;
  ASSERT_EQ(run_exodus("run " + (dir / "s").string() + " --quiet --out " + (dir / "r").string(), &out), 0) << out;
  const auto rows = parse_csv(read_text_file(dir / "r" / "daily.csv"));
  int named = 0;
  for (const auto& row : rows) {
    ASSERT_EQ(row.fields.size(), 6u) << "line " << row.line;
    named += row.fields[3] == name;
  }
  EXPECT_GT(named, 0);

  TinyFleeCase flee;
  for (auto* files : {&flee.input, &flee.validation})
    for (auto& [file, content] : *files)
      if (file == "locations.csv" || file == "routes.csv" || file == "data_layout.csv")
        content = replace_all(content, "\nC,", "\n\"C, \"\"North\"\"\",");
  flee.input["routes.csv"] = replace_all(flee.input["routes.csv"], "B,C,", "B,\"C, \"\"North\"\"\",");
  write_files(dir / "f", flee.input);
  write_files(dir / "v", flee.validation);
  ASSERT_EQ(run_exodus("run --flee " + (dir / "f").string() + " --validation " + (dir / "v").string() + " --quiet --out " +
                           (dir / "o").string(), &out), 0) << out;
  const auto header = parse_csv(read_text_file(dir / "o" / "out.csv")).front().fields;
  EXPECT_EQ(header.at(2), "C, \"North\" sim");
  EXPECT_EQ(run_exodus("score " + (dir / "o" / "out.csv").string(), &out), 0) << out;
  EXPECT_NE(out.find("days 10"), std::string::npos) << out;
  std::filesystem::remove_all(dir);
}

TEST(CliScore, ANegativeDayCountAndAHeaderOnlyFileAreRefused) {
  const auto dir = make_temp_dir("score-bad");
  std::string out;
  ASSERT_EQ(run_exodus("run mali --quiet --out " + (dir / "m").string(), &out), 0) << out;
  EXPECT_NE(run_exodus("score " + (dir / "m" / "out.csv").string() + " --days -1", &out), 0) << out;
  std::ifstream in(dir / "m" / "out.csv");
  std::string header;
  std::getline(in, header);
  std::ofstream(dir / "header.csv") << header << "\n";
  EXPECT_EQ(run_exodus("score " + (dir / "header.csv").string(), &out), 2) << out;
  EXPECT_NE(out.find("has no day, only its header"), std::string::npos) << out;
  std::filesystem::remove_all(dir);
}

// A write that fails says why (the system's reason) and exits 4, the output-failure code; the
// files-size limit stands in for a full disk. Nothing is left behind.
TEST(CliOutputs, AFailedWriteGivesTheSystemsReasonAndExitCodeFour) {
  const auto dir = make_temp_dir("write-fails");
  const std::string cmd = "bash -c \"trap '' XFSZ; ulimit -f 1; exec " + std::string(EXODUS_BINARY) +
                          " run --quiet --out '" + (dir / "run").string() + "'\" 2>&1";
  std::string out;
  EXPECT_EQ(run_shell(cmd, &out), 4) << out;
  EXPECT_NE(out.find("daily.csv: File too large"), std::string::npos) << out;
  EXPECT_TRUE(std::filesystem::is_empty(dir)) << out;
  std::filesystem::remove_all(dir);
}

// An output folder that exists is an output problem (4), found before the work.
TEST(CliOutputs, AnExistingOutputIsRefusedWithExitCodeFour) {
  const auto dir = make_temp_dir("exists-4");
  std::filesystem::create_directories(dir / "run");
  std::string out;
  EXPECT_EQ(run_exodus("run --quiet --out " + (dir / "run").string(), &out), 4) << out;
  EXPECT_NE(out.find("already exists"), std::string::npos) << out;
  std::ofstream(dir / "file") << "mine";
  EXPECT_EQ(run_exodus("run --quiet --out " + (dir / "file" / "run").string(), &out), 4) << out;
  EXPECT_NE(out.find("is not a folder"), std::string::npos) << out;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace exodus::testing
