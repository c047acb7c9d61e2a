// exodus calibrate on a tiny scenario whose truth is known: its own run renders the reports.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <cmath>

#include "exodus/app/calibrate_use_case.h"
#include "exodus/app/exodus_run.h"
#include "exodus/world/scenario_registry.h"
#include "test_support.h"
#include "tiny_scenario.h"

namespace exodus::testing {
namespace {

constexpr double kTrueShock = 0.02;

// The tiny scenario with priors on its shock and a capacity, and a reports file of daily
// entries into North and South over the shock's first 8 days, from a run with the true shock.
struct TinyCalibration {
  std::filesystem::path dir = make_temp_dir("calibrate");
  std::filesystem::path folder = dir / "tiny", reports = dir / "reports.csv";
  TinyCalibration() {
    TinyScenario t;
    // A tenth of the tiny scenario's pool: runs of a few thousand agents, many of them.
    auto& regions = t.files["regions.csv"];
    regions.replace(regions.find("1000000"), 7, "100000");
    t.files["priors.csv"] =
        "parameter,prior,center,spread,lower,upper,reasoning\n"
        "shock_hazard,lognormal,0.01,0.7,0.001,0.2,the test's prior\n"
        "checkpoints.vehicles_per_day[S1],lognormal,1000,0.3,200,5000,the test's prior\n";
    write_files(folder, t.files);
    Scenario truth = t.read();
    ScenarioValue(truth, "shock_hazard").set(truth, kTrueShock);
    ExodusRunOptions o;
    o.seed = 99;
    const auto run = run_exodus(truth, o);
    std::string csv = kReportsHeader;
    for (int day = truth.shock_day; day < truth.shock_day + 8; ++day)
      for (std::size_t d = 0; d < 2; ++d) {
        const Date date = truth.start_date + day;
        const double v = run.series.at(PlaceKind::kDestination, d, "entries", static_cast<std::size_t>(day));
        csv += fmt::format("R{}{},entries,{},,{},{},{:.0f},,,count,,persons,test,{},,\n", d, day, truth.destinations[d].name,
                           date.iso(), date.iso(), v, date.iso());
      }
    write_files(dir, {{"reports.csv", csv}});
  }
  ~TinyCalibration() { std::filesystem::remove_all(dir); }
  CalibrateRequest request(std::size_t members, std::size_t budget, int threads, const std::string& out) const {
    CalibrateRequest q;
    q.scenario = folder;
    q.reports_files = {reports};
    q.members = members;
    q.budget = budget;
    q.threads = threads;
    q.output.dir = dir / out;
    return q;
  }
};

TEST(Calibrate, FindsATinyScenariosShockFromItsOwnFigures) {
  const TinyCalibration t;
  const CalibrateOutcome o = calibrate_case(t.request(48, 48 * 25, 2, "c"));
  const auto& c = o.result;
  ASSERT_TRUE(c.smc.reached_posterior);
  ASSERT_EQ(c.priors[0].address, "shock_hazard");
  const auto& shock = c.parameters[0];
  EXPECT_LE(shock.posterior_interval.lo90, kTrueShock);
  EXPECT_GE(shock.posterior_interval.hi90, kTrueShock);
  // 16 daily counts say more than the prior, though the discrepancy sd is fitted with the shock.
  EXPECT_LT(shock.width_ratio, 0.75);
  // The prior's median is half the truth: the posterior moved up.
  EXPECT_GT(shock.shift, 0.1);
  EXPECT_EQ(c.priors.back().address, "discrepancy[entries]");
  for (const auto& f : c.fits) EXPECT_TRUE(f.used);
  EXPECT_TRUE(std::filesystem::exists(o.out / "forecast.csv"));
}

TEST(Calibrate, GivesTheSameFilesWhateverTheThreadCount) {
  const TinyCalibration t;
  calibrate_case(t.request(16, 160, 1, "one"));
  calibrate_case(t.request(16, 160, 2, "two"));
  for (const char* file : {"posterior.csv", "forecast.csv", "reports_fit.csv"})
    EXPECT_EQ(read_bytes(t.dir / "one" / file), read_bytes(t.dir / "two" / file)) << file;
}

TEST(Calibrate, AsOfLeavesOutLaterFiguresAndEvents) {
  const TinyCalibration t;
  auto q = t.request(8, 32, 1, "asof");
  q.as_of = *Date::parse("2022-09-07");
  const auto o = calibrate_case(q);
  // The shock is on 5 September: 3 days of 8 were published by the 7th, for 2 destinations.
  EXPECT_EQ(o.result.fitted.reports.size(), 6u);
  EXPECT_EQ(o.result.after_as_of, 10u);
  q.as_of = *Date::parse("2022-08-01");
  q.output.dir = t.dir / "none";
  EXPECT_THROW(calibrate_case(q), InputError);
  EXPECT_FALSE(std::filesystem::exists(t.dir / "none"));
}

TEST(Calibrate, RefusesAScenarioWithoutPriorsAndABudgetTooSmall) {
  const TinyCalibration t;
  std::string out;
  const auto dir = t.dir / "bare";
  write_files(dir, TinyScenario().files);
  EXPECT_EQ(run_exodus("calibrate " + dir.string() + " " + t.reports.string() + " --out " + (t.dir / "x").string(), &out), 2);
  EXPECT_NE(out.find("declares no priors (priors.csv)"), std::string::npos) << out;
  EXPECT_EQ(run_exodus("calibrate " + t.folder.string() + " " + t.reports.string() + " --members 16 --budget 20", &out), 2);
  EXPECT_NE(out.find("at least 32 are needed"), std::string::npos) << out;
  EXPECT_FALSE(std::filesystem::exists(t.dir / "x"));
}

// The calibration's predictions of figures published after its as-of date, scored by exodus score.
TEST(Calibrate, PredictsHeldBackFiguresThatExodusScoreJudges) {
  const TinyCalibration t;
  std::string out;
  ASSERT_EQ(run_exodus("calibrate " + t.folder.string() + " " + t.reports.string() + " --as-of 2022-09-08 --predict " +
                           t.reports.string() + " --members 16 --budget 160 --quiet --out " + (t.dir / "p").string(), &out),
            0) << out;
  ASSERT_EQ(run_exodus("score " + (t.dir / "p" / "predictions.csv").string() + " " + t.reports.string() + " --as-of 2022-09-08 --shock 2022-09-05",
                       &out), 0) << out;
  // 8 of the 16 daily figures were published after 8 September; persistence holds each
  // destination's rate of the 8th.
  EXPECT_NE(out.find("scored 8 figures"), std::string::npos) << out;
  EXPECT_NE(out.find("on the 8 figures persistence can forecast"), std::string::npos) << out;
  EXPECT_NE(out.find("8 predictions name no figure among those scored"), std::string::npos) << out;
  // A predictions file alone says what it needs.
  EXPECT_EQ(run_exodus("score " + (t.dir / "p" / "predictions.csv").string(), &out), 2);
  EXPECT_NE(out.find("name the reports CSVs that judge it"), std::string::npos) << out;
}

}  // namespace
}  // namespace exodus::testing
