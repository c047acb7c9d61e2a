#include "exodus/observe/report_support.h"

#include <gtest/gtest.h>

namespace exodus {
namespace {

// Corridors A, B, C (C stands for "other"); 20 days, the shock on day 5.
FlowLayout layout() {
  FlowLayout l;
  l.start = *Date::parse("2022-09-01");
  l.days = 20;
  l.shock_day = 5;
  for (const char* name : {"A", "B", "C"}) {
    CorridorInfo c;
    c.name = name;
    l.corridors.push_back(c);
  }
  return l;
}

Report report(std::vector<std::string> destinations, const char* from, const char* to) {
  Report r;
  r.metric = ReportMetric::kDepartures;
  r.destinations = std::move(destinations);
  if (from) r.window_start = Date::parse(from);
  r.window_end = *Date::parse(to);
  r.value = 1;
  return r;
}

TEST(ReportSupport, SaysPerCorridorAndDayWhetherItsOwnReportsASumOrThePriorSetIt) {
  const auto l = layout();
  std::vector<ReportWeights> w = {
      weights_for(l, report({"A"}, "2022-09-06", "2022-09-08")),       // days 5-7, A alone
      weights_for(l, report({"A", "B"}, "2022-09-09", "2022-09-10")),  // days 8-9, A and B together
      weights_for(l, report({"ALL"}, nullptr, "2022-09-12")),          // days 5-11, all of them
  };
  const auto s = report_support(l, w);
  EXPECT_EQ(s.covered_through, 11);
  EXPECT_EQ(s.corridors[0].kind(), CorridorSupportKind::kOwnReports);
  EXPECT_EQ(s.corridors[1].kind(), CorridorSupportKind::kAggregatesOnly);
  EXPECT_EQ(s.corridors[2].kind(), CorridorSupportKind::kAggregatesOnly);
  EXPECT_EQ(s.corridors[0].own, std::vector<std::size_t>{0});
  EXPECT_EQ(s.corridors[1].aggregate, (std::vector<std::size_t>{1, 2}));
  EXPECT_EQ(s.basis[0][4], FlowBasis::kBeforeShock);
  EXPECT_EQ(s.basis[0][6], FlowBasis::kReport);
  EXPECT_EQ(s.basis[0][8], FlowBasis::kAggregate);
  EXPECT_EQ(s.basis[1][6], FlowBasis::kAggregate);
  EXPECT_EQ(s.basis[2][12], FlowBasis::kExtrapolated);
  // All corridors together: the ALL report covers days 5-11.
  EXPECT_EQ(s.basis[3][9], FlowBasis::kReport);
  EXPECT_EQ(s.basis[3][12], FlowBasis::kExtrapolated);
  EXPECT_EQ(s.extrapolated_days(5, 34), 23);
  EXPECT_EQ(s.extrapolated_days(5, 11), 0);
}

TEST(ReportSupport, ACorridorNoUsedReportCountsIsSetByThePriorAlone) {
  const auto l = layout();
  auto queue = report({"B"}, "2022-09-06", "2022-09-06");
  queue.metric = ReportMetric::kWaitHours;  // unused: waits are not flows
  std::vector<ReportWeights> w = {weights_for(l, report({"A"}, "2022-09-06", "2022-09-15")), weights_for(l, queue)};
  const auto s = report_support(l, w);
  EXPECT_EQ(s.corridors[1].kind(), CorridorSupportKind::kPriorOnly);
  EXPECT_EQ(s.basis[1][8], FlowBasis::kPrior);      // inside the reports' days, but none of B's
  EXPECT_EQ(s.basis[3][8], FlowBasis::kAggregate);  // all corridors: only A's report covers day 8
}

TEST(ReportSupport, ACountBeforeTheShockSpeaksOfOrdinaryTrafficNotOfLeavers) {
  const auto l = layout();
  auto before = report({"A"}, "2022-09-01", "2022-09-04");
  before.metric = ReportMetric::kEntries;
  const auto s = report_support(l, {weights_for(l, before)});
  EXPECT_EQ(s.corridors[0].kind(), CorridorSupportKind::kPriorOnly);
  EXPECT_EQ(s.covered_through, -1);
  EXPECT_EQ(s.basis[0][10], FlowBasis::kExtrapolated);
}

}  // namespace
}  // namespace exodus
