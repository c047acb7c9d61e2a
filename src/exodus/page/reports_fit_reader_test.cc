#include "exodus/page/reports_fit_reader.h"

#include <gtest/gtest.h>

#include "exodus/core/error.h"
#include "exodus/output/reports_fit_csv.h"

namespace exodus {
namespace {

// A run's fit and a posterior's fit are written in one layout and read back alike.
TEST(ReportsFitReader, ReadsBackWhatEveryVerbWrites) {
  ReportSet reports;
  reports.file = "r.csv";
  Report a;
  a.id = "georgia_week";
  a.metric = ReportMetric::kEntries;
  a.kind = ReportKind::kCount;
  a.destinations = {"Georgia"};
  a.window_start = *Date::parse("2022-09-21");
  a.window_end = *Date::parse("2022-09-27");
  a.value = 53000;
  a.low = 50000;
  a.high = 56000;
  a.reported_by = "Interior Ministry";
  Report b = a;
  b.id = "queue";
  b.window_start.reset();
  reports.reports = {a, b};

  RunReportFit run;
  run.report = &reports.reports[0];
  run.file = "r.csv";
  run.compared = true;
  run.simulated = 60000;
  run.predictive = {60100, 55000, 65000, 50000, 70000};
  run.tail_probability = 0.1;
  run.fits = true;
  RunReportFit not_compared;
  not_compared.report = &reports.reports[1];
  not_compared.why_not = "a metric the run does not count there";
  const auto run_rows = read_reports_fit(TextFile{"reports_fit.csv", reports_fit_csv(figure_fit_rows({run, not_compared}))},
                                         "2022-09-21");
  ASSERT_EQ(run_rows.size(), 2u);
  EXPECT_TRUE(run_rows[0].compared);
  EXPECT_EQ(run_rows[0].expected, 60000);
  EXPECT_EQ(run_rows[0].lo90, 50000);
  EXPECT_EQ(run_rows[0].median, 60100);
  EXPECT_EQ(run_rows[0].hi90, 70000);
  EXPECT_EQ(run_rows[0].verdict, "fits");
  EXPECT_EQ(run_rows[0].place, "Georgia");
  EXPECT_EQ(*run_rows[0].low, 50000);
  EXPECT_EQ(run_rows[0].reported_by, "Interior Ministry");
  EXPECT_FALSE(run_rows[1].compared);
  EXPECT_EQ(run_rows[1].verdict, "n/c");
  EXPECT_EQ(run_rows[1].why_not, "a metric the run does not count there");
  EXPECT_EQ(run_rows[1].first, "2022-09-21") << "a window with no start runs from the shock";
  // ... unless it ends before the shock: then its last day alone.
  const auto early = read_reports_fit(TextFile{"reports_fit.csv", reports_fit_csv(figure_fit_rows({not_compared}))},
                                      "2022-10-01");
  EXPECT_EQ(early[0].first, "2022-09-27");

  ReportFit posterior;
  posterior.report = 0;
  posterior.used = true;
  posterior.expected = {58000, 0, 0, 52000, 64000};
  posterior.predictive = {58000, 0, 0, 45000, 75000};
  posterior.tail = 0.99;
  posterior.flagged = true;
  const auto fit_rows = read_reports_fit(TextFile{"reports_fit.csv", reports_fit_csv(figure_fit_rows(reports, {posterior}))}, "");
  ASSERT_EQ(fit_rows.size(), 1u);
  EXPECT_EQ(fit_rows[0].file, "r.csv");
  EXPECT_EQ(fit_rows[0].expected, 58000);
  EXPECT_EQ(fit_rows[0].hi90, 75000);
  EXPECT_EQ(fit_rows[0].verdict, "MISS");
  EXPECT_EQ(fit_rows[0].first, "2022-09-21");
}

TEST(ReportsFitReader, BadRowsAreNamed) {
  const std::string header =
      "file,id,metric,place,window,kind,observed,observed_low,observed_high,reported_by,reported_on,compared,"
      "why_not_compared,expected_median,expected_lo90,expected_hi90,predictive_median,predictive_lo90,predictive_hi90,"
      "tail_probability,verdict\n";
  const auto error_of = [&](const std::string& row) {
    try {
      read_reports_fit(TextFile{"reports_fit.csv", header + row}, "");
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  const std::string good = "r.csv,a,entries,Georgia,2022-09-01/2022-09-02,count,5,,,,,yes,,5,5,5,5,4,6,0.5,fits\n";
  EXPECT_EQ(error_of(good), "no error");
  EXPECT_NE(error_of("r.csv,a,entries,Georgia,2022-09-01/2022-09-02,count,5,,,,,maybe,,5,5,5,5,4,6,0.5,fits\n")
                .find("reports_fit.csv:2: field 'compared'"),
            std::string::npos);
  EXPECT_NE(error_of("r.csv,a,entries,Georgia,2022-09-01/2022-09-02,count,5,,,,,yes,,5,5,5,7,4,6,0.5,fits\n")
                .find("field 'predictive_median'"),
            std::string::npos);
  EXPECT_NE(error_of("r.csv,a,entries,Georgia,2022-09-03/2022-09-02,count,5,,,,,yes,,5,5,5,5,4,6,0.5,fits\n")
                .find("ends before it starts"),
            std::string::npos);
  EXPECT_NE(error_of("r.csv,a,entries,Georgia,2022-09-01/2022-09-02,count,5,,,,,yes,,5,5,5,5,4,6,1.5,fits\n")
                .find("field 'tail_probability'"),
            std::string::npos);
  EXPECT_NE(error_of("r.csv,a,entries,Georgia,2022-09-01,count,5,,,,,no,x,,,,,,,,n/c\n").find("field 'window'"),
            std::string::npos);
  // A folder of an older exodus, in another layout: named, not misread.
  try {
    read_reports_fit(TextFile{"reports_fit.csv", "id,metric,destination,kind,value,used\n"}, "");
    ADD_FAILURE() << "an older layout was read";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("reports_fit.csv:1: field 'compared': required column is missing"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace exodus
