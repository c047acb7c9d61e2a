#include "exodus/io/reports/reports_reader.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "exodus/core/text_source.h"
#include "test_support.h"

namespace exodus {
namespace {

using testing::kReportsHeader;

ReportSet read(const std::string& rows) { return read_reports({"r.csv", kReportsHeader + rows}); }

void expect_error(const std::string& rows, std::size_t line, const std::string& field, const std::string& message) {
  try {
    read(rows);
    FAIL() << "no error for " << rows;
  } catch (const InputErrors& e) {
    bool found = false;
    for (const auto& x : e.errors())
      found = found || (x.pos().line == line && x.pos().field == field && x.message().find(message) != std::string::npos);
    EXPECT_TRUE(found) << e.what();
  }
}

TEST(ReportsReader, DailyMeansAreForFlowsOnly) {
  const auto set = read("a,entries,Georgia,,2022-09-26,2022-09-27,10000,,,count,in,persons_per_day,,,,\n");
  EXPECT_EQ(set.reports[0].unit, "persons_per_day");
  expect_error("q,queue_vehicles,Georgia,Verkhny Lars,,2022-09-27,3000,,,count,,persons_per_day,,,,\n", 2, "unit",
               "does not fit metric queue_vehicles");
  expect_error("s,stock,Georgia,,,2022-09-27,3000,,,count,,persons_per_day,,,,\n", 2, "unit", "does not fit metric stock");
}

TEST(ReportsReader, ReadsEveryKindAndRange) {
  const auto set = read(
      "a,entries,Georgia;Armenia,,2022-09-21,2022-09-27,53000,,,count,in,persons,Ministry,2022-09-28,,\n"
      "b,departures,ALL,,,2022-10-04,,200000,900000,claim,out,,Press,,,\n");
  ASSERT_EQ(set.reports.size(), 2u);
  EXPECT_EQ(set.reports[0].destinations, (std::vector<std::string>{"Georgia", "Armenia"}));
  EXPECT_FALSE(set.reports[1].window_start.has_value());
  EXPECT_NEAR(set.reports[1].value, std::sqrt(200000.0 * 900000.0), 1e-6);
  EXPECT_EQ(set.reports[1].kind, ReportKind::kClaim);
}

TEST(ReportsReader, BadRowsNameLineAndField) {
  expect_error("a,arrivals,Georgia,,,2022-09-27,1,,,count,,,,,,\n", 2, "metric", "unknown metric 'arrivals'");
  expect_error("a,entries,Georgia,,,2022-09-27,1,,,rumour,,,,,,\n", 2, "kind", "unknown kind 'rumour'");
  expect_error("a,entries,Georgia,,2022-09-28,2022-09-27,1,,,count,,,,,,\n", 2, "window_end", "before window_start");
  expect_error("a,entries,Georgia,,,2022-09-27,-5,,,count,,,,,,\n", 2, "value", "must be positive");
  expect_error("a,entries,Georgia,,,2022-09-27,,,,count,,,,,,\n", 2, "value", "no range is given");
  expect_error("a,entries,Georgia,,,2022-09-27,5,1,,count,,,,,,\n", 2, "value_high", "both value_low and value_high");
  expect_error("a,entries,Georgia,,,2022-09-27,5,1,3,count,,,,,,\n", 2, "value", "outside [value_low, value_high]");
  expect_error("a,entries,,,,2022-09-27,5,,,count,,,,,,\n", 2, "destination", "is empty");
  expect_error("a,entries,ALL;Georgia,,,2022-09-27,5,,,count,,,,,,\n", 2, "destination", "ALL cannot be combined");
  expect_error("a,entries,Georgia,,,27/09/2022,5,,,count,,,,,,\n", 2, "window_end", "expected a date");
  expect_error("a,wait_hours,Georgia,,,2022-09-27,5,,,count,,vehicles,,,,\n", 2, "unit", "does not fit");
  expect_error("a,entries,Georgia,,,2022-09-27,5,,,count,sideways,,,,,\n", 2, "direction", "expected in, out");
  expect_error("a,entries,Georgia,,,2022-09-27,5,,,count,,,,,,\na,entries,Georgia,,,2022-09-27,5,,,count,,,,,,\n", 3,
               "id", "duplicate report id");
  try {
    read_reports({"r.csv", "id,metric\n"});
    FAIL();
  } catch (const InputErrors& e) {
    EXPECT_NE(std::string(e.what()).find("required column is missing"), std::string::npos);
  }
}

TEST(ReportsReader, TheShippedSeedsFileIsValid) {
  const auto set = read_reports(read_text_file(std::filesystem::path(EXODUS_SOURCE_DIR) / "examples/reports/seeds-2022.csv"));
  EXPECT_GE(set.reports.size(), 15u);
  for (const auto& r : set.reports) EXPECT_EQ(r.url.rfind("seed:", 0), 0u) << r.id;
}

TEST(ReportsReader, TheShippedFiguresToThe30thOfSeptemberAreValid) {
  const auto set = read_reports(
      read_text_file(std::filesystem::path(EXODUS_SOURCE_DIR) / "examples/reports/reports-to-2022-09-30.csv"));
  ASSERT_EQ(set.reports.size(), 48u);
  int exits = 0;
  for (const auto& r : set.reports) {
    EXPECT_EQ(r.url.rfind("http", 0), 0u) << r.id;  // each figure names its source
    EXPECT_LE(r.window_end, *Date::parse("2022-09-30")) << r.id;
    exits += r.metric == ReportMetric::kExits;
  }
  EXPECT_EQ(exits, 4);
}

TEST(ReportsReader, QueueKilometresTakeTheUnitKm) {
  const std::string head =
      "id,metric,destination,checkpoint,window_start,window_end,value,value_low,value_high,kind,direction,unit,"
      "reported_by,reported_on,url,quote\n";
  const auto set = read_reports(TextFile{"r.csv", head + "a,queue_km,Georgia,Lars,,2022-09-27,20,,,claim,,km,,,,\n"});
  ASSERT_EQ(set.reports.size(), 1u);
  EXPECT_EQ(set.reports[0].metric, ReportMetric::kQueueKm);
  EXPECT_THROW(read_reports(TextFile{"r.csv", head + "a,queue_vehicles,Georgia,Lars,,2022-09-27,20,,,claim,,km,,,,\n"}),
               InputErrors);
}

}  // namespace
}  // namespace exodus
