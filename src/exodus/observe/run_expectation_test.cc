#include "exodus/observe/run_expectation.h"

#include <gtest/gtest.h>

namespace exodus {
namespace {

// Two destinations (A in group G), one checkpoint into A, four days from 1 September; the
// shock on 2 September.
struct RecordedRun {
  PlaceCatalog places{{"A", "B"}, {{"G"}, {}}, {"A1"}};
  SeriesTable table{*Date::parse("2022-09-01")};
  Date shock = *Date::parse("2022-09-02");
  RecordedRun() {
    const auto put = [&](PlaceKind kind, const char* place, std::size_t index, const char* metric,
                         std::vector<double> values) { table.series()[table.add(kind, place, index, metric)].values = values; };
    put(PlaceKind::kTotal, "ALL", 0, "departures", {0, 30, 60, 9});
    put(PlaceKind::kDestination, "A", 0, "entries", {100, 120, 150, 110});
    put(PlaceKind::kDestination, "A", 0, "entries_leavers", {0, 20, 50, 9});
    put(PlaceKind::kDestination, "A", 0, "stock", {0, 20, 70, 75});
    put(PlaceKind::kDestination, "A", 0, "exits", {90, 95, 100, 105});
    put(PlaceKind::kDestination, "A", 0, "net_arrivals", {0, 20, 50, 5});
    put(PlaceKind::kDestination, "B", 1, "entries", {10, 20, 20, 10});
    put(PlaceKind::kDestination, "B", 1, "entries_leavers", {0, 10, 10, 0});
    put(PlaceKind::kDestination, "B", 1, "stock", {0, 10, 20, 20});
    put(PlaceKind::kDestination, "B", 1, "exits", {10, 10, 10, 10});
    put(PlaceKind::kDestination, "B", 1, "net_arrivals", {0, 10, 10, 0});
    put(PlaceKind::kCheckpoint, "A1", 0, "entries", {90, 100, 130, 100});
    put(PlaceKind::kCheckpoint, "A1", 0, "queue_vehicles", {0, 40, 80, 20});
    put(PlaceKind::kCheckpoint, "A1", 0, "queue_km", {0, 0.3, 0.6, 0.15});
    put(PlaceKind::kCheckpoint, "A1", 0, "wait_hours", {0, 5, 30, 8});
  }
  RunExpectation of(ReportMetric metric, std::vector<std::string> where, const char* from, const char* to,
                    const char* checkpoint = "", const char* unit = "") const {
    Report r;
    r.metric = metric;
    r.destinations = std::move(where);
    if (from) r.window_start = Date::parse(from);
    r.window_end = *Date::parse(to);
    r.checkpoint = checkpoint;
    r.unit = unit;
    return expected_in_run(r, places, shock, table);
  }
};

TEST(RunExpectation, FlowsSumOverTheirDaysAndPlaces) {
  const RecordedRun run;
  EXPECT_EQ(run.of(ReportMetric::kEntries, {"ALL"}, "2022-09-02", "2022-09-03").value, 120 + 20 + 150 + 20);
  EXPECT_EQ(run.of(ReportMetric::kEntries, {"G"}, "2022-09-01", "2022-09-01").value, 100);
  EXPECT_EQ(run.of(ReportMetric::kEntries, {"A"}, "2022-09-02", "2022-09-03", "", "persons_per_day").value, 135);
  EXPECT_EQ(run.of(ReportMetric::kEntries, {"A"}, "2022-09-02", "2022-09-02", "A1").value, 100);  // admitted there
  // No window start: since the shock.
  EXPECT_EQ(run.of(ReportMetric::kDepartures, {"ALL"}, nullptr, "2022-09-04").value, 30 + 60 + 9);
  EXPECT_EQ(run.of(ReportMetric::kDepartures, {"B"}, nullptr, "2022-09-04").value, 20);
  EXPECT_EQ(run.of(ReportMetric::kStock, {"ALL"}, nullptr, "2022-09-03").value, 70 + 20);
  EXPECT_EQ(run.of(ReportMetric::kExits, {"ALL"}, "2022-09-03", "2022-09-04").value, 100 + 10 + 105 + 10);
  EXPECT_EQ(run.of(ReportMetric::kNetArrivals, {"A"}, nullptr, "2022-09-04").value, 20 + 50 + 5);
  // A window reaching past the run counts the days inside it, and says it cannot be compared.
  const auto partial = run.of(ReportMetric::kEntries, {"B"}, "2022-09-04", "2022-09-30");
  EXPECT_EQ(partial.value, 10);
  EXPECT_FALSE(partial.ok);
  EXPECT_NE(partial.why_not.find("reaches outside the run"), std::string::npos);
}

TEST(RunExpectation, QueuesAndWaitsAreTheirPeakAtTheCheckpoint) {
  const RecordedRun run;
  EXPECT_EQ(run.of(ReportMetric::kQueueVehicles, {"A"}, "2022-09-01", "2022-09-04", "A1").value, 80);
  EXPECT_EQ(run.of(ReportMetric::kWaitHours, {"A"}, "2022-09-04", "2022-09-04", "A1").value, 8);
  EXPECT_EQ(run.of(ReportMetric::kQueueKm, {"A"}, "2022-09-01", "2022-09-04", "A1").value, 0.6);
}

TEST(RunExpectation, SaysWhyARunCannotGiveAFigure) {
  const RecordedRun run;
  EXPECT_NE(run.of(ReportMetric::kQueueVehicles, {"A"}, "2022-09-01", "2022-09-04").why_not.find("needs a checkpoint"),
            std::string::npos);
  EXPECT_NE(run.of(ReportMetric::kExits, {"A"}, "2022-09-01", "2022-09-04", "A1").why_not.find("only entries"),
            std::string::npos);
  EXPECT_NE(run.of(ReportMetric::kEntries, {"Mongolia"}, "2022-09-01", "2022-09-04").why_not.find("no destination"),
            std::string::npos);
  const auto outside = run.of(ReportMetric::kEntries, {"A"}, "2022-10-01", "2022-10-04");
  EXPECT_FALSE(outside.ok);
  EXPECT_NE(outside.why_not.find("outside the run"), std::string::npos);
  EXPECT_TRUE(run.of(ReportMetric::kEntries, {"A"}, "2022-09-01", "2022-09-04").ok);
}

}  // namespace
}  // namespace exodus
