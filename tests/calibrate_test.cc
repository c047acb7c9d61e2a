// exodus calibrate on a tiny scenario whose truth is known: its own run renders the reports.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <atomic>
#include <cmath>


#include "exodus/app/calibrate_use_case.h"
#include "exodus/app/load_scenario.h"
#include "exodus/output/output_dir.h"
#include "exodus/run/exodus_run.h"
#include "exodus/world/scenario_registry.h"
#include "test_support.h"
#include "tiny_calibration.h"

namespace exodus::testing {
namespace {

TEST(Calibrate, FindsATinyScenariosShockFromItsOwnFigures) {
  const TinyCalibration t;
  const CalibrateOutcome o = calibrate_case(t.request(48, 48 * 80, 2, "c"));
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

// A scenario may say how many people an agent stands for in its calibrations; the option wins.
TEST(Calibrate, TakesPeoplePerAgentFromTheScenarioUnlessTold) {
  const TinyCalibration t;
  std::string yaml = read_bytes(t.folder / "scenario.yaml");
  write_files(t.folder, {{"scenario.yaml", yaml + "calibration_people_per_agent: 2\n"}});
  auto q = t.request(8, 32, 1, "scenario");
  EXPECT_EQ(calibrate_case(q).result.people_per_agent, 2);
  q.people_per_agent = 1;
  q.output.dir = t.dir / "told";
  EXPECT_EQ(calibrate_case(q).result.people_per_agent, 1);
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

// Stopped after its second stage, the calibration keeps that stage beside the output folder
// (and writes no output); --resume continues it to the files an unstopped one writes.
TEST(Calibrate, StoppedAfterAStageItContinuesWithResumeToTheSameFiles) {
  const TinyCalibration t;
  const auto whole = calibrate_case(t.request(16, 16 * 80, 2, "whole"));
  ASSERT_GE(whole.result.smc.stages.size(), 3u);
  EXPECT_FALSE(std::filesystem::exists(t.dir / "whole.checkpoint"));  // removed once the folder is complete

  std::atomic<bool> stop{false};
  auto q = t.request(16, 16 * 80, 1, "stopped");
  q.hooks.stop = &stop;
  q.progress = [&](const SmcProgress& p) {
    if (p.stage->stage == 2) stop = true;
  };
  EXPECT_THROW(calibrate_case(q), Interrupted);
  EXPECT_FALSE(std::filesystem::exists(t.dir / "stopped"));
  ASSERT_TRUE(std::filesystem::exists(t.dir / "stopped.checkpoint"));

  // Without --resume the checkpoint is neither run over nor ignored.
  auto again = t.request(16, 16 * 80, 2, "stopped");
  EXPECT_THROW(calibrate_case(again), OutputError);
  // Another calibration's checkpoint is refused by its fingerprint.
  auto other = t.request(16, 16 * 80, 2, "stopped");
  other.seed = 2;
  other.resume = true;
  EXPECT_THROW(calibrate_case(other), InputError);

  again.resume = true;
  std::vector<std::string> said;
  again.hooks.warn = [&](const std::string& w) { said.push_back(w); };
  const auto resumed = calibrate_case(again);
  EXPECT_EQ(resumed.result.smc.resumed_after_stage, 2);
  ASSERT_EQ(said.size(), 1u);
  EXPECT_NE(said[0].find("stage 2 completed"), std::string::npos) << said[0];
  for (const char* file : {"posterior.csv", "forecast.csv", "reports_fit.csv"})
    EXPECT_EQ(read_bytes(t.dir / "whole" / file), read_bytes(t.dir / "stopped" / file)) << file;
  EXPECT_EQ(summary_without_seconds(t.dir / "whole"), summary_without_seconds(t.dir / "stopped"));
  EXPECT_FALSE(std::filesystem::exists(t.dir / "stopped.checkpoint"));
}

// The checkpoint's place beside the output folder is exodus's only while it holds a checkpoint:
// a user's file there is never replaced; --force starts afresh over a stopped calibration.
TEST(Calibrate, NeverReplacesAUsersFileWhereItsCheckpointGoes) {
  const TinyCalibration t;
  write_files(t.dir, {{"mine.checkpoint", "my notes\n"}});
  auto q = t.request(8, 32, 1, "mine");
  EXPECT_THROW(calibrate_case(q), OutputError);
  q.output.force = true;
  EXPECT_THROW(calibrate_case(q), OutputError);
  q.resume = true;
  EXPECT_THROW(calibrate_case(q), OutputError);
  EXPECT_EQ(read_bytes(t.dir / "mine.checkpoint"), "my notes\n");
  EXPECT_FALSE(std::filesystem::exists(t.dir / "mine"));

  std::atomic<bool> stop{false};
  auto s = t.request(8, 64, 1, "forced");
  s.hooks.stop = &stop;
  s.progress = [&](const SmcProgress&) { stop = true; };
  EXPECT_THROW(calibrate_case(s), Interrupted);
  ASSERT_TRUE(std::filesystem::exists(t.dir / "forced.checkpoint"));
  auto f = t.request(8, 64, 1, "forced");
  f.output.force = true;
  EXPECT_EQ(calibrate_case(f).result.smc.resumed_after_stage, -1);
  EXPECT_FALSE(std::filesystem::exists(t.dir / "forced.checkpoint"));
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
