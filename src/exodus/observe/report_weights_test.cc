#include "exodus/observe/report_weights.h"

#include <gtest/gtest.h>

namespace exodus {
namespace {

FlowLayout layout() {
  FlowLayout l;
  l.start = *Date::parse("2022-09-01");
  l.days = 30;
  l.shock_day = 5;
  CorridorInfo a, b;
  a.name = "A";
  b.name = "B";
  b.onward_share = 0.5;
  b.onward_days = 2;
  b.return_share = 0;
  l.corridors = {a, b};
  return l;
}

Report report(ReportMetric m, const char* dest, const char* from, const char* to) {
  Report r;
  r.metric = m;
  r.destinations = {dest};
  if (from) r.window_start = Date::parse(from);
  r.window_end = *Date::parse(to);
  r.value = 1;
  return r;
}

TEST(ReportWeights, EntriesSumLeaversAndOrdinaryTravellersOverTheWindow) {
  const auto l = layout();
  const auto w = weights_for(l, report(ReportMetric::kEntries, "A", "2022-09-03", "2022-09-05"));
  ASSERT_TRUE(w.used);
  std::vector<std::vector<double>> d(2, std::vector<double>(30, 10.0));
  EXPECT_DOUBLE_EQ(expected_value(w, d, {100.0, 1000.0}), 3 * 10.0 + 3 * 100.0);
}

TEST(ReportWeights, ADailyMeanIsTheWindowsSumOverItsDays) {
  const auto l = layout();
  auto r = report(ReportMetric::kEntries, "A", "2022-09-03", "2022-09-05");
  r.unit = "persons_per_day";
  const auto w = weights_for(l, r);
  std::vector<std::vector<double>> d(2, std::vector<double>(30, 10.0));
  EXPECT_NEAR(expected_value(w, d, {100.0, 1000.0}), 10.0 + 100.0, 1e-12);
}

TEST(ReportWeights, EmptyWindowStartMeansSinceTheShock) {
  const auto l = layout();
  const auto w = weights_for(l, report(ReportMetric::kDepartures, "ALL", nullptr, "2022-09-10"));
  std::vector<std::vector<double>> d(2, std::vector<double>(30, 1.0));
  EXPECT_DOUBLE_EQ(expected_value(w, d, {0, 0}), 2 * 5.0);  // days 5..9, both corridors
}

TEST(ReportWeights, StockAndExitsFollowTheOnwardKernel) {
  const auto l = layout();
  std::vector<std::vector<double>> d(2, std::vector<double>(30, 0.0));
  d[1][0] = 100;  // 100 arrive in B on day 0; half move on at 1/2 a day
  const auto exits = exits_of(l.corridors[1], d[1]);
  EXPECT_DOUBLE_EQ(exits[0], 0);
  EXPECT_DOUBLE_EQ(exits[1], 25);
  EXPECT_DOUBLE_EQ(exits[2], 12.5);
  const auto stock = weights_for(l, report(ReportMetric::kStock, "B", nullptr, "2022-09-03"));
  EXPECT_NEAR(expected_value(stock, d, {0, 0}), 100 - 25 - 12.5, 1e-9);  // end of day 2
  const auto out = weights_for(l, report(ReportMetric::kExits, "B", "2022-09-02", "2022-09-03"));
  EXPECT_NEAR(expected_value(out, d, {0, 0}), 25 + 12.5, 1e-9);
  const auto net = weights_for(l, report(ReportMetric::kNetArrivals, "B", "2022-09-01", "2022-09-03"));
  EXPECT_NEAR(expected_value(net, d, {0, 0}), 100 - 37.5, 1e-9);
}

TEST(ReportWeights, AReportNotWhollyInsideTheWindowIsUnusedWithItsDaysAndTheWindows) {
  const auto l = layout();  // 2022-09-01 to 2022-09-30
  auto w = weights_for(l, report(ReportMetric::kEntries, "A", "2022-09-25", "2022-10-02"));
  EXPECT_FALSE(w.used);
  EXPECT_EQ(w.why_unused, "its days (2022-09-25 to 2022-10-02) are not all inside the estimate's (2022-09-01 to 2022-09-30)");
  w = weights_for(l, report(ReportMetric::kEntries, "A", "2022-08-30", "2022-09-02"));
  EXPECT_FALSE(w.used);
  EXPECT_TRUE(weights_for(l, report(ReportMetric::kEntries, "A", "2022-09-01", "2022-09-30")).used);
}

TEST(ReportWeights, StockIsUnusedWhenTheWindowStartsAfterTheShock) {
  auto l = layout();
  l.shock_day = -3;  // the shock three days before the window's first day
  const auto w = weights_for(l, report(ReportMetric::kStock, "A", "2022-09-05", "2022-09-10"));
  EXPECT_FALSE(w.used);
  EXPECT_EQ(w.why_unused, "a figure of stock depends on every leaver since the shock (2022-08-29), and the estimate "
                          "starts later (2022-09-01)");
  EXPECT_TRUE(weights_for(l, report(ReportMetric::kDepartures, "A", "2022-09-05", "2022-09-10")).used);
}

TEST(ReportWeights, QueuesAndWaitsAreNotFlowMetrics) {
  const auto w = weights_for(layout(), report(ReportMetric::kWaitHours, "A", nullptr, "2022-09-10"));
  EXPECT_FALSE(w.used);
  EXPECT_NE(w.why_unused.find("capacities"), std::string::npos);
}

}  // namespace
}  // namespace exodus
