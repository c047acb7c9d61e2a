#include "exodus/page/daily_csv_reader.h"

#include <gtest/gtest.h>

#include "exodus/core/error.h"

namespace exodus {
namespace {

TextFile daily(std::string rows) {
  return {"daily.csv", "date,day,kind,place,metric,value\n" + rows};
}

TEST(DailyCsvReader, ReadsEverySeriesBackByPlaceAndDay) {
  const SeriesTable t = read_daily_csv(daily(
      "2022-09-12,0,total,\"ALL\",departures,9\n"
      "2022-09-12,0,destination,\"Georgia\",entries,100\n"
      "2022-09-12,0,destination,\"Kazakhstan\",entries,50\n"
      "2022-09-13,1,total,\"ALL\",departures,12\n"
      "2022-09-13,1,destination,\"Georgia\",entries,110\n"
      "2022-09-13,1,destination,\"Kazakhstan\",entries,55.5\n"));
  EXPECT_EQ(t.days(), 2u);
  EXPECT_EQ(t.start().iso(), "2022-09-12");
  ASSERT_EQ(t.series().size(), 3u);
  const DailySeries* k = find_series(t, PlaceKind::kDestination, "Kazakhstan", "entries");
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->values, (std::vector<double>{50, 55.5}));
  EXPECT_EQ(k->index, 1u);  // the second destination
  EXPECT_EQ(find_series(t, PlaceKind::kDestination, "Kazakhstan", "exits"), nullptr);
}

// Each error names its file, line and field.
TEST(DailyCsvReader, BadRowsAreNamed) {
  const auto error_of = [](const std::string& rows) {
    try {
      read_daily_csv(daily(rows));
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(error_of("2022-09-12,0,region,\"A\",entries,1\n").find("daily.csv:2: field 'kind'"), std::string::npos);
  EXPECT_NE(error_of("2022-09-12,0,total,\"ALL\",departures,x\n").find("daily.csv:2: field 'value'"), std::string::npos);
  // A day beyond the limit is refused before anything is sized by it.
  EXPECT_NE(error_of("2022-09-12,99999999,total,\"ALL\",departures,1\n").find("field 'day'"), std::string::npos);
  // Dates that do not follow the days.
  EXPECT_NE(error_of("2022-09-12,0,total,\"ALL\",departures,1\n2022-09-15,1,total,\"ALL\",departures,1\n")
                .find("daily.csv:3: field 'date'"),
            std::string::npos);
  // A series with a day missing, or a day given twice: counted before any memory is sized by the days.
  EXPECT_NE(error_of("2022-09-12,0,total,\"ALL\",departures,1\n2022-09-13,1,total,\"ALL\",deciders,1\n").find("a day is missing"),
            std::string::npos);
  EXPECT_NE(error_of("2022-09-12,0,total,\"ALL\",departures,1\n2022-09-12,0,total,\"ALL\",departures,2\n"
                     "2022-09-14,2,total,\"ALL\",departures,1\n")
                .find("daily.csv:3: field 'day': day 0 of this series is given twice"),
            std::string::npos);
}

}  // namespace
}  // namespace exodus
