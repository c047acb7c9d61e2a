#include "exodus/score/run_report_fit.h"

#include <gtest/gtest.h>

#include "exodus/world/places.h"

namespace exodus {
namespace {

// A run of one destination A with one checkpoint A1, four days from 1 September, the shock on
// the 2nd: 1,000 entries a day, a queue of 100 vehicles on the 3rd.
struct FitCase {
  Scenario s;
  SeriesTable table{*Date::parse("2022-09-01")};
  FitCase() {
    s.start_date = *Date::parse("2022-09-01");
    s.shock_date = *Date::parse("2022-09-02");
    s.days = 4;
    s.shock_day = 1;
    Destination a;
    a.name = "A";
    s.destinations.push_back(a);
    Checkpoint c;
    c.name = "A1";
    s.checkpoints.push_back(c);
    const auto put = [&](PlaceKind kind, const char* place, const char* metric, std::vector<double> values) {
      table.series()[table.add(kind, place, 0, metric)].values = values;
    };
    put(PlaceKind::kDestination, "A", "entries", {1000, 1000, 1000, 1000});
    put(PlaceKind::kCheckpoint, "A1", "queue_vehicles", {0, 0, 100, 0});
    s.reports.push_back({"r.csv", {}});
  }
  void add(const char* id, ReportMetric metric, ReportKind kind, double value, const char* from, const char* to,
           const char* checkpoint = "") {
    Report r;
    r.id = id;
    r.metric = metric;
    r.kind = kind;
    r.value = value;
    r.destinations = {"A"};
    r.checkpoint = checkpoint;
    r.window_start = Date::parse(from);
    r.window_end = *Date::parse(to);
    s.reports[0].reports.push_back(r);
  }
  RunReportFit fit(const char* id) const {
    for (const auto& f : fit_run_to_reports(s, table))
      if (f.report->id == id) return f;
    ADD_FAILURE() << id;
    return {};
  }
};

TEST(RunReportFit, ACountMustComeCloseAnEstimateOrAClaimLessSo) {
  FitCase c;
  c.add("close", ReportMetric::kEntries, ReportKind::kCount, 2100, "2022-09-02", "2022-09-03");
  c.add("far", ReportMetric::kEntries, ReportKind::kCount, 3000, "2022-09-02", "2022-09-03");
  c.add("claim", ReportMetric::kEntries, ReportKind::kClaim, 3000, "2022-09-02", "2022-09-03");
  const auto close = c.fit("close");
  EXPECT_TRUE(close.compared);
  EXPECT_EQ(close.simulated, 2000);
  EXPECT_TRUE(close.fits);
  EXPECT_LT(close.predictive.lo90, 2000);
  EXPECT_GT(close.predictive.hi90, 2000);
  EXPECT_NEAR(close.predictive.median, 2000, 20);
  const auto far = c.fit("far");
  EXPECT_FALSE(far.fits);  // +50% is beyond a count's error
  EXPECT_GT(far.tail_probability, 0.975);
  EXPECT_TRUE(c.fit("claim").fits);  // a claim is weak
}

TEST(RunReportFit, BoundsAndDenialsAreOneSided) {
  FitCase c;
  c.add("above", ReportMetric::kEntries, ReportKind::kLowerBound, 1500, "2022-09-02", "2022-09-03");
  c.add("below", ReportMetric::kEntries, ReportKind::kLowerBound, 3000, "2022-09-02", "2022-09-03");
  c.add("denied", ReportMetric::kEntries, ReportKind::kDenial, 3000, "2022-09-02", "2022-09-03");
  c.add("refuted", ReportMetric::kEntries, ReportKind::kDenial, 500, "2022-09-02", "2022-09-03");
  c.add("queue", ReportMetric::kQueueVehicles, ReportKind::kLowerBound, 90, "2022-09-02", "2022-09-04", "A1");
  EXPECT_TRUE(c.fit("above").fits);
  EXPECT_FALSE(c.fit("below").fits);
  EXPECT_TRUE(c.fit("denied").fits);   // the run is below the figure denied
  EXPECT_FALSE(c.fit("refuted").fits);  // the run is four times the ceiling (a denial has a soft edge of ±50%)
  const auto queue = c.fit("queue");
  EXPECT_EQ(queue.simulated, 100);
  EXPECT_TRUE(queue.fits);
}

TEST(RunReportFit, FiguresTheRunCannotSpeakOfSayWhyAndThoseBeforeTheShockCheckInputs) {
  FitCase c;
  c.add("before", ReportMetric::kEntries, ReportKind::kCount, 1000, "2022-09-01", "2022-09-01");
  c.add("year", ReportMetric::kEntries, ReportKind::kCount, 100000, "2022-01-01", "2022-09-04");
  const auto before = c.fit("before");
  EXPECT_TRUE(before.fits);
  EXPECT_TRUE(before.checks_inputs);
  const auto year = c.fit("year");
  EXPECT_FALSE(year.compared);
  EXPECT_FALSE(year.fits);
  EXPECT_NE(year.why_not.find("reaches outside the run"), std::string::npos);
}

TEST(RunReportFit, TheSameRunFitsTheSameWay) {
  FitCase c;
  c.add("claim", ReportMetric::kEntries, ReportKind::kClaim, 3000, "2022-09-02", "2022-09-03");
  const auto a = c.fit("claim"), b = c.fit("claim");
  EXPECT_EQ(a.tail_probability, b.tail_probability);
  EXPECT_EQ(a.predictive.hi90, b.predictive.hi90);
}

}  // namespace
}  // namespace exodus
