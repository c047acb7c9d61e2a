// exodus report and run --report: the page of a scenario run's folder, written whole, never over
// a file exodus did not write. The page's drawing is checked in a real browser by
// scripts/test-report-browser (CTest: ReportInBrowser).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "test_support.h"

namespace exodus::testing {
namespace {

namespace fs = std::filesystem;

class Report : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = make_temp_dir("report"); }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(Report, WritesTheRunsPageAndReplacesOnlyItsOwn) {
  std::string out;
  const fs::path run = dir_ / "run";
  ASSERT_EQ(run_exodus("run --quiet --days 20 --out " + run.string(), &out), 0) << out;
  ASSERT_EQ(run_exodus("report " + run.string(), &out), 0) << out;
  const std::string page = read_bytes(run / "report.html");
  EXPECT_NE(page.find("Entries into Georgia per day"), std::string::npos);
  EXPECT_NE(page.find("Queue at each checkpoint"), std::string::npos);
  EXPECT_NE(page.find("Travellers admitted at each checkpoint"), std::string::npos);
  EXPECT_NE(page.find("OBS066 (count, "), std::string::npos);  // a count at one crossing, over that crossing's series
  EXPECT_NE(page.find("kazakhstan_week"), std::string::npos);  // a published figure drawn over its window
  // A figure's tooltip names its source and when it was published; a range is drawn by its ends.
  EXPECT_NE(page.find("Government of Kazakhstan, published 2022-09-27"), std::string::npos);
  EXPECT_NE(page.find("georgia_daily_normal: high end of the published range, 6000"), std::string::npos);
  EXPECT_NE(page.find("Map: where leavers went"), std::string::npos);
  EXPECT_NE(page.find("<input type=\"range\" id=\"day-"), std::string::npos);  // the map's day, picked by the reader
  EXPECT_NE(out.find("report.html"), std::string::npos);
  // It exists: refused without --force, replaced with it.
  EXPECT_EQ(run_exodus("report " + run.string(), &out), 4);
  EXPECT_EQ(read_bytes(run / "report.html"), page);
  EXPECT_EQ(run_exodus("report " + run.string() + " --force", &out), 0) << out;
  // A file exodus did not write is never replaced.
  write_files(dir_, {{"notes.html", "my notes"}});
  EXPECT_EQ(run_exodus("report " + run.string() + " --out " + (dir_ / "notes.html").string() + " --force", &out), 4);
  EXPECT_EQ(read_bytes(dir_ / "notes.html"), "my notes");
  EXPECT_FALSE(fs::exists(dir_ / "notes.html.writing"));
}

// An ensemble's and a calibration's pages: bands, the as-of date, prior against posterior.
TEST_F(Report, EnsemblesAndCalibrationsHaveBandsAndTheCalibrationItsParameters) {
  std::string out;
  ASSERT_EQ(run_exodus("run --quiet --members 3 --prior --days 30 --report --out " + (dir_ / "e").string(), &out), 0) << out;
  const std::string ensemble = read_bytes(dir_ / "e" / "report.html");
  EXPECT_NE(ensemble.find("90% interval"), std::string::npos);
  EXPECT_NE(ensemble.find("Key totals"), std::string::npos);
  EXPECT_EQ(ensemble.find("asOf\":{"), std::string::npos);  // an ensemble forecasts from no date
  ASSERT_EQ(run_exodus("calibrate --quiet --as-of 2022-09-25 --members 8 --budget 16 --report --out " + (dir_ / "c").string(), &out),
            0)
      << out;
  const std::string calibration = read_bytes(dir_ / "c" / "report.html");
  EXPECT_NE(calibration.find("as of 2022-09-25"), std::string::npos);
  EXPECT_NE(calibration.find("posterior 90%"), std::string::npos);
  EXPECT_NE(calibration.find("leavers.shock_hazard[summoned]: prior"), std::string::npos);
  EXPECT_NE(calibration.find("did NOT reach the posterior"), std::string::npos);  // 2 simulations a member
  EXPECT_NE(calibration.find("security_service_estimate"), std::string::npos);  // a fitted figure
}

// An estimate's page: bands, the days after the last report shaded as extrapolated.
TEST_F(Report, AnEstimateHasItsBandsAndSaysWhereTheReportsEnd) {
  std::string out;
  const std::string reports = (source_dir() / "examples" / "reports" / "seeds-2022.csv").string();
  ASSERT_EQ(run_exodus("estimate " + reports + " --quiet --report --out " + (dir_ / "e").string(), &out), 0) << out;
  const std::string page = read_bytes(dir_ / "e" / "report.html");
  EXPECT_NE(page.find("Departures into Kazakhstan per day"), std::string::npos);
  EXPECT_NE(page.find(": extrapolated after"), std::string::npos);
  EXPECT_NE(page.find("georgia_since_shock"), std::string::npos);
}

TEST_F(Report, RunWritesItWithItsOutputsWhenAsked) {
  std::string out;
  ASSERT_EQ(run_exodus("run --quiet --days 10 --report --out " + (dir_ / "r").string(), &out), 0) << out;
  EXPECT_TRUE(fs::exists(dir_ / "r" / "report.html"));
  // A Flee case's page: each camp against its data, and Flee's error per day.
  ASSERT_EQ(run_exodus("run mali --quiet --report --out " + (dir_ / "m").string(), &out), 0) << out;
  const std::string flee = read_bytes(dir_ / "m" / "report.html");
  EXPECT_NE(flee.find("Fassala-Mbera (persons)"), std::string::npos);
  EXPECT_NE(flee.find("Validation error per day"), std::string::npos);
  EXPECT_NE(flee.find("ARD 0."), std::string::npos);
}

// A folder from before runs wrote places.csv still has its page, without the map; a places.csv
// that is wrong is named with its line and field, and no page is written.
TEST_F(Report, TheMapNeedsPlacesCsvAndABadOneIsNamed) {
  std::string out;
  const fs::path run = dir_ / "run";
  ASSERT_EQ(run_exodus("run --quiet --days 8 --out " + run.string(), &out), 0) << out;
  const std::string places = read_bytes(run / "places.csv");
  fs::remove(run / "places.csv");
  ASSERT_EQ(run_exodus("report " + run.string(), &out), 0) << out;
  const std::string page = read_bytes(run / "report.html");
  EXPECT_NE(page.find("Entries into Georgia per day"), std::string::npos);
  EXPECT_EQ(page.find("Map: where leavers went"), std::string::npos);
  write_files(run, {{"places.csv", "kind,place,latitude,longitude,leads_to\nregion,\"Central\",55.7,37.6,\"\"\nregion,\"Volga\",153.2,50.1,\"\"\n"}});
  EXPECT_EQ(run_exodus("report " + run.string() + " --out " + (dir_ / "bad.html").string(), &out), 2);
  EXPECT_NE(out.find("places.csv:3: field 'latitude'"), std::string::npos) << out;
  EXPECT_FALSE(fs::exists(dir_ / "bad.html"));
  EXPECT_FALSE(places.empty());
}

TEST_F(Report, AFolderItCannotReadIsNamed) {
  std::string out;
  EXPECT_EQ(run_exodus("report " + (dir_ / "none").string(), &out), 2);
  EXPECT_NE(out.find("is not a folder"), std::string::npos);
  write_files(dir_ / "other", {{"manifest.json", "{\"verb\": \"sing\"}"}});
  EXPECT_EQ(run_exodus("report " + (dir_ / "other").string(), &out), 2);
  EXPECT_NE(out.find("is not of a scenario run"), std::string::npos);
  // A daily.csv cut short: its file, line and field, and no page.
  const fs::path run = dir_ / "run";
  ASSERT_EQ(run_exodus("run --quiet --days 5 --out " + run.string(), &out), 0) << out;
  write_files(run, {{"daily.csv", "date,day,kind,place,metric,value\n2022-09-12,0,total,\"ALL\",departures,nine\n"}});
  EXPECT_EQ(run_exodus("report " + run.string(), &out), 2);
  EXPECT_NE(out.find("daily.csv:2: field 'value'"), std::string::npos) << out;
  EXPECT_FALSE(fs::exists(run / "report.html"));
}

}  // namespace
}  // namespace exodus::testing
