#include "exodus/page/forecast_csv_reader.h"

#include <gtest/gtest.h>

#include "exodus/core/error.h"

namespace exodus {
namespace {

const std::string kHeader = "date,day,kind,place,metric,median,lo50,hi50,lo90,hi90,discrepancy\n";

TEST(ForecastCsvReader, ReadsEachSeriesBandsByDay) {
  const BandTable t = read_forecast_csv({"forecast.csv", kHeader +
                                                             "2022-09-30,0,total,\"ALL\",departures,10,8,12,5,20,fitted\n"
                                                             "2022-09-30,0,destination,\"Georgia\",entries,3,2,4,1,6,prior\n"
                                                             "2022-10-01,1,total,\"ALL\",departures,11,9,13,6,21,fitted\n"
                                                             "2022-10-01,1,destination,\"Georgia\",entries,4,3,5,2,7,prior\n"});
  EXPECT_EQ(t.dates, (std::vector<std::string>{"2022-09-30", "2022-10-01"}));
  const BandSeries* g = t.find("destination", "Georgia", "entries");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->discrepancy, "prior");
  ASSERT_EQ(g->days.size(), 2u);
  EXPECT_EQ(g->days[1].median, 4);
  EXPECT_EQ(g->days[1].lo90, 2);
  EXPECT_EQ(g->days[1].hi90, 7);
  EXPECT_EQ(t.find("destination", "Georgia", "exits"), nullptr);
}

TEST(ForecastCsvReader, BadRowsAreNamed) {
  const auto error_of = [](const std::string& rows) {
    try {
      read_forecast_csv({"forecast.csv", kHeader + rows});
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(error_of("2022-09-30,0,total,\"ALL\",departures,10,8,12,five,20,fitted\n").find("forecast.csv:2: field 'lo90'"),
            std::string::npos);
  EXPECT_NE(error_of("2022-09-30,99999999,total,\"ALL\",departures,10,8,12,5,20,fitted\n").find("field 'day'"), std::string::npos);
  EXPECT_NE(error_of("2022-09-30,0,total,\"ALL\",departures,10,8,12,5,20,fitted\n"
                     "2022-10-02,1,total,\"ALL\",departures,10,8,12,5,20,fitted\n")
                .find("forecast.csv:3: field 'date'"),
            std::string::npos);
  EXPECT_NE(error_of("2022-09-30,0,total,\"ALL\",departures,10,8,12,5,20,fitted\n"
                     "2022-10-01,1,total,\"ALL\",deciders,10,8,12,5,20,fitted\n")
                .find("a day is missing"),
            std::string::npos);
}

}  // namespace
}  // namespace exodus
