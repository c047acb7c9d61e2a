// What a calibration is given and reads back (figures, limits, its checkpoint) is checked before
// it runs, and what it says of its fit is true.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "exodus/infer/smc_checkpoint.h"
#include "exodus/output/file_lock.h"
#include "test_support.h"
#include "tiny_calibration.h"

namespace exodus::testing {
namespace {

namespace fs = std::filesystem;

std::string row(const std::string& id, const std::string& day) {
  return id + ",entries,North,," + day + "," + day + ",100,,,count,,persons,test," + day + ",,\n";
}

std::string calibrate(const TinyCalibration& t, const std::string& reports, const std::string& rest) {
  return "calibrate " + t.folder.string() + " " + reports + " --members 8 --budget 16 --quiet " + rest;
}

TEST(CalibrateInputs, FiguresNoRunCanGiveAreRefusedBeforeAnyRun) {
  const TinyCalibration t;
  write_files(t.dir, {{"outside.csv", kReportsHeader + row("late", "2023-01-10")}});
  std::string out;
  EXPECT_EQ(run_exodus(calibrate(t, (t.dir / "outside.csv").string(), "--out " + (t.dir / "o").string()), &out), 2) << out;
  EXPECT_NE(out.find("nothing to fit: late its window lies outside the run"), std::string::npos) << out;
  EXPECT_FALSE(fs::exists(t.dir / "o"));
}

TEST(CalibrateInputs, ReportWithoutAsOfWritesItsPage) {
  const TinyCalibration t;
  std::string out;
  ASSERT_EQ(run_exodus(calibrate(t, t.reports.string(), "--report --out " + (t.dir / "o").string()), &out), 0) << out;
  EXPECT_TRUE(fs::exists(t.dir / "o" / "report.html")) << out;
  EXPECT_EQ(out.find("internal error"), std::string::npos) << out;
}

TEST(CalibrateInputs, AFigureToPredictMayNotShareAnIdWithOneToFit) {
  const TinyCalibration t;
  const std::string first_id = read_bytes(t.reports).substr(kReportsHeader.size(), 4);  // "R05,"
  write_files(t.dir, {{"predict.csv", kReportsHeader + row(first_id.substr(0, 3), "2022-09-15")}});
  std::string out;
  EXPECT_EQ(run_exodus(calibrate(t, t.reports.string(), "--predict " + (t.dir / "predict.csv").string() + " --out " +
                                                            (t.dir / "o").string()),
                       &out),
            2)
      << out;
  EXPECT_NE(out.find("names another figure among those to fit"), std::string::npos) << out;
  EXPECT_EQ(run_exodus("estimate " + t.reports.string() + " --predict " + (t.dir / "predict.csv").string() + " --out " +
                           (t.dir / "e").string(),
                       &out),
            2)
      << out;
  EXPECT_NE(out.find("names another figure among those to fit"), std::string::npos) << out;
}

TEST(CalibrateInputs, TheReportsLimitHoldsForCalibrateRunAndCheck) {
  const TinyCalibration t;
  std::string many = kReportsHeader;
  for (int i = 0; i < 12; ++i) many += row("m" + std::to_string(i), "2022-09-10");
  write_files(t.dir, {{"many.csv", many}});
  std::string out;
  const std::string limit = "holds more than 10 reports; the limit is 10 (raise it with --max-reports)";
  EXPECT_EQ(run_exodus(calibrate(t, (t.dir / "many.csv").string(), "--max-reports 10 --out " + (t.dir / "o").string()), &out), 2);
  EXPECT_NE(out.find(limit), std::string::npos) << out;
  // Two files read as one: the limit holds for them together.
  write_files(t.dir, {{"half.csv", kReportsHeader + row("h1", "2022-09-10") + row("h2", "2022-09-11")}});
  EXPECT_EQ(run_exodus(calibrate(t, t.reports.string() + " " + (t.dir / "half.csv").string(),
                                 "--max-reports 17 --out " + (t.dir / "o").string()),
                       &out),
            2);
  EXPECT_NE(out.find("brings the reports to 18; the limit is 17"), std::string::npos) << out;
  // The scenario's own reports file, for run and check.
  write_files(t.folder, {{"many.csv", many}});
  std::string yaml = read_bytes(t.folder / "scenario.yaml") + "reports:\n  - many.csv\n";
  write_files(t.folder, {{"scenario.yaml", yaml}});
  EXPECT_EQ(run_exodus("run " + t.folder.string() + " --quiet --max-reports 10 --out " + (t.dir / "r").string(), &out), 2);
  EXPECT_NE(out.find(limit), std::string::npos) << out;
  EXPECT_EQ(run_exodus("check " + t.folder.string() + " --max-reports 10", &out), 2);
  EXPECT_NE(out.find(limit), std::string::npos) << out;
  EXPECT_EQ(run_exodus("check " + t.folder.string(), &out), 0) << out;
  // Two files of the scenario's own, each under the limit: together over it.
  write_files(t.folder, {{"more.csv", kReportsHeader + row("x1", "2022-09-10")}});
  write_files(t.folder, {{"scenario.yaml", yaml + "  - more.csv\n"}});
  EXPECT_EQ(run_exodus(calibrate(t, "", "--max-reports 12 --out " + (t.dir / "o").string()), &out), 2) << out;
  EXPECT_NE(out.find("brings the scenario's reports to 13; the limit is 12"), std::string::npos) << out;
  EXPECT_FALSE(fs::exists(t.dir / "o"));
}

// Two calibrations into one place: the second is refused while the first holds the checkpoint.
TEST(CalibrateInputs, ACheckpointInUseIsNotContinuedTwice) {
  const TinyCalibration t;
  const fs::path out_dir = t.dir / "o";
  auto held = FileLock::try_take(t.dir / "o.checkpoint.lock");
  ASSERT_TRUE(held.has_value());
  std::string out;
  EXPECT_EQ(run_exodus(calibrate(t, t.reports.string(), "--resume --out " + out_dir.string()), &out), 4) << out;
  EXPECT_NE(out.find("another exodus calibration is working on"), std::string::npos) << out;
  EXPECT_FALSE(fs::exists(out_dir));
  held.reset();
  EXPECT_EQ(run_exodus(calibrate(t, t.reports.string(), "--resume --out " + out_dir.string()), &out), 0) << out;
  EXPECT_FALSE(fs::exists(t.dir / "o.checkpoint.lock"));
  EXPECT_FALSE(fs::exists(t.dir / "o.checkpoint"));
}

TEST(CalibrateInputs, AnEditedCheckpointIsRefusedWithItsLineAndItem) {
  const TinyCalibration t;
  SmcCheckpoint c;
  c.stage = 0;
  c.temperature = 16;  // hand-edited: would jump to the posterior
  c.scale = 1;
  c.simulations = 8;
  std::string out;
  write_files(t.dir, {{"o.checkpoint", smc_checkpoint_text(c, "edited")}});
  EXPECT_EQ(run_exodus(calibrate(t, t.reports.string(), "--resume --out " + (t.dir / "o").string()), &out), 2) << out;
  EXPECT_NE(out.find("o.checkpoint:4: field 'temperature'"), std::string::npos) << out;
  EXPECT_FALSE(fs::exists(t.dir / "o"));
  EXPECT_TRUE(fs::exists(t.dir / "o.checkpoint"));  // the user's file is left as it is
}

}  // namespace
}  // namespace exodus::testing
