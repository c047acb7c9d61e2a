// exodus calibrate --flee on a tiny case: what it writes, that only the data up to the as-of
// day informs it, that threads and a stop do not change its bytes, and what it refuses.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <atomic>
#include <cmath>
#include <sstream>

#include "exodus/core/csv.h"
#include "exodus/core/error.h"
#include "exodus/score/flee_out_csv_reader.h"
#include "exodus/score/flee_score.h"
#include "test_support.h"
#include "tiny_calibration.h"
#include "tiny_flee_calibration.h"

namespace exodus::testing {
namespace {

namespace fs = std::filesystem;

std::vector<CsvRow> rows_of(const fs::path& file) { return parse_csv(text(file.filename().string(), read_bytes(file))); }

TEST(FleeCalibrate, WritesTheForecastAndItsMedianAsAFleeOutCsv) {
  const TinyFleeCalibration t;
  const FleeCalibrateOutcome o = calibrate_flee_case(t.request(8, 48, 2, "out"));
  const auto& c = o.result;
  EXPECT_EQ(c.fitted_days, (std::vector<std::int32_t>{2, 9}));
  EXPECT_EQ(c.observed_camps, 2u);
  EXPECT_EQ(c.priors.back().address, "discrepancy[camp population]");

  // forecast.csv: a row per day and camp; the data beside the bands; which data the fit read.
  const auto forecast = rows_of(o.out / "forecast.csv");
  ASSERT_EQ(forecast.size(), 1u + 2u * TinyFleeCalibration::kDays);
  EXPECT_EQ(forecast[0].fields, (std::vector<std::string>{"date", "day", "camp", "median", "lo50", "hi50", "lo90", "hi90", "data",
                                                           "period", "in_likelihood"}));
  std::size_t in_likelihood = 0;
  for (std::size_t r = 1; r < forecast.size(); ++r) {
    const auto& f = forecast[r].fields;
    const int day = std::stoi(f[1]);
    EXPECT_EQ(f[9], day <= 9 ? "fit" : "forecast") << r;
    in_likelihood += f[10] == "1";
    if (f[10] == "1") {
      EXPECT_TRUE(day == 2 || day == 9) << r;
    }
    EXPECT_LE(std::stod(f[6]), std::stod(f[3]));
    EXPECT_LE(std::stod(f[3]), std::stod(f[7]));
  }
  EXPECT_EQ(in_likelihood, 4u) << "two days of two camps";

  // out.csv in Flee's layout holds the medians, so exodus score and Flee's scripts read it.
  const CampTable out = read_flee_out_csv(text("out.csv", read_bytes(o.out / "out.csv")));
  ASSERT_EQ(out.days(), static_cast<std::size_t>(TinyFleeCalibration::kDays));
  ASSERT_EQ(out.camps, (std::vector<std::string>{"C", "D"}));
  for (std::size_t day = 0; day < out.days(); ++day)
    for (std::size_t k = 0; k < 2; ++k)
      EXPECT_EQ(out.sim[day][k], std::llround(std::stod(forecast[1 + 2 * day + k].fields[3]))) << day << " " << k;
  std::string said;
  EXPECT_EQ(run_exodus("score " + (o.out / "out.csv").string(), &said), 0) << said;

  // The check after the as-of day: 20 days of 2 camps, against the case's own settings.
  ASSERT_TRUE(c.after.has_value());
  EXPECT_EQ(c.after->first_day, 10);
  EXPECT_EQ(c.after->camp_days, 40u);
  EXPECT_EQ(c.case_runs, 2u);
  const auto summary = nlohmann::json::parse(read_bytes(o.out / "summary.json"));
  EXPECT_EQ(summary["after_as_of"]["camp_days"], 40);
  EXPECT_EQ(summary["as_of_day"], 9);
  EXPECT_EQ(summary["as_of_date"], "2020-01-11");  // day 9's counts, dated the day after it
  EXPECT_TRUE(fs::exists(o.out / "posterior.csv"));
  EXPECT_TRUE(fs::exists(o.out / "manifest.json"));
}

TEST(FleeCalibrate, GivesTheSameFilesWhateverTheThreadCount) {
  const TinyFleeCalibration t;
  calibrate_flee_case(t.request(8, 32, 1, "one"));
  calibrate_flee_case(t.request(8, 32, 2, "two"));
  for (const char* file : {"posterior.csv", "forecast.csv", "out.csv"})
    EXPECT_EQ(read_bytes(t.dir / "one" / file), read_bytes(t.dir / "two" / file)) << file;
  EXPECT_EQ(summary_without_seconds(t.dir / "one"), summary_without_seconds(t.dir / "two"));
}

// The as-of day given as the date of its counts (day d's are dated the day after it, as in
// out.csv) is the same calibration as its number.
TEST(FleeCalibrate, AnAsOfDateIsTheDayWhoseCountsItDates) {
  const TinyFleeCalibration t;
  calibrate_flee_case(t.request(8, 32, 1, "by_day"));
  FleeCalibrateRequest by_date = t.request(8, 32, 1, "by_date");
  by_date.as_of = AsOf(*Date::parse("2020-01-11"));
  EXPECT_EQ(calibrate_flee_case(by_date).result.as_of_day, 9);
  for (const char* file : {"posterior.csv", "forecast.csv", "out.csv"})
    EXPECT_EQ(read_bytes(t.dir / "by_day" / file), read_bytes(t.dir / "by_date" / file)) << file;
}

// Camp data after the as-of day informs nothing but the check of the forecast.
TEST(FleeCalibrate, DataAfterTheAsOfDayChangesOnlyTheCheck) {
  const TinyFleeCalibration plain, changed(500, 9);
  const auto a = calibrate_flee_case(plain.request(8, 32, 1, "a"));
  const auto b = calibrate_flee_case(changed.request(8, 32, 1, "b"));
  EXPECT_EQ(read_bytes(plain.dir / "a" / "posterior.csv"), read_bytes(changed.dir / "b" / "posterior.csv"));
  for (std::size_t day = 0; day < a.result.median.days(); ++day) EXPECT_EQ(a.result.median.sim[day], b.result.median.sim[day]);
  EXPECT_NE(a.result.after->ard, b.result.after->ard);
}

TEST(FleeCalibrate, StoppedAfterAStageItContinuesWithResumeToTheSameFiles) {
  const TinyFleeCalibration t;
  const auto whole = calibrate_flee_case(t.request(16, 16 * 40, 2, "whole"));
  ASSERT_GE(whole.result.smc.stages.size(), 2u);
  std::atomic<bool> stop{false};
  auto q = t.request(16, 16 * 40, 1, "stopped");
  q.hooks.stop = &stop;
  q.progress = [&](const SmcProgress& p) {
    if (p.stage->stage == 1) stop = true;
  };
  EXPECT_THROW(calibrate_flee_case(q), Interrupted);
  EXPECT_FALSE(fs::exists(t.dir / "stopped"));
  ASSERT_TRUE(fs::exists(t.dir / "stopped.checkpoint"));
  auto other = t.request(16, 16 * 40, 2, "stopped", 8);
  other.resume = true;
  EXPECT_THROW(calibrate_flee_case(other), InputError) << "another as-of day is another calibration";
  auto again = t.request(16, 16 * 40, 2, "stopped");
  again.resume = true;
  EXPECT_EQ(calibrate_flee_case(again).result.smc.resumed_after_stage, 1);
  for (const char* file : {"posterior.csv", "forecast.csv", "out.csv"})
    EXPECT_EQ(read_bytes(t.dir / "whole" / file), read_bytes(t.dir / "stopped" / file)) << file;
  EXPECT_FALSE(fs::exists(t.dir / "stopped.checkpoint"));
}

TEST(FleeCalibrate, RefusesWhatItCannotFitAndWritesNothing) {
  const TinyFleeCalibration t;
  std::string out;
  const std::string base = "calibrate --flee " + t.input.string() + " --out " + (t.dir / "x").string();
  EXPECT_EQ(run_exodus(base + " --as-of 9", &out), 2);
  EXPECT_NE(out.find("--validation: is needed with --flee"), std::string::npos) << out;
  EXPECT_EQ(run_exodus(base + " --validation " + t.validation.string(), &out), 2);
  EXPECT_NE(out.find("--as-of: is needed with --flee"), std::string::npos) << out;
  EXPECT_EQ(run_exodus(base + " --validation " + t.validation.string() + " --as-of 30", &out), 2);
  // Day d's counts are dated the day after it (Flee's out.csv), so the case's days run from
  // 2020-01-02 to 2020-01-31.
  EXPECT_NE(out.find("day 30 is not a day of the case (days 0 to 29, dated 2020-01-02 to 2020-01-31)"), std::string::npos)
      << out;
  EXPECT_EQ(run_exodus(base + " --validation " + t.validation.string() + " --as-of 2020-01-01", &out), 2);
  EXPECT_NE(out.find("--as-of: 2020-01-01 is not a day of the case"), std::string::npos) << out;
  EXPECT_EQ(run_exodus(base + " --validation " + t.validation.string() + " --as-of nine", &out), 2);
  EXPECT_NE(out.find("--as-of"), std::string::npos) << out;
  EXPECT_EQ(run_exodus(base + " --validation " + t.validation.string() + " --as-of 9 --predict x.csv", &out), 2);
  EXPECT_NE(out.find("--predict: applies to scenarios, not with --flee"), std::string::npos) << out;
  EXPECT_EQ(run_exodus("calibrate --validation " + t.validation.string(), &out), 2);
  EXPECT_NE(out.find("applies with --flee DIR only"), std::string::npos) << out;
  EXPECT_FALSE(fs::exists(t.dir / "x"));
  ASSERT_EQ(run_exodus(t.command("cli"), &out), 0) << out;
  EXPECT_TRUE(fs::exists(t.dir / "cli" / "out.csv"));
}

}  // namespace
}  // namespace exodus::testing
