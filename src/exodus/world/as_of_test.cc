#include "exodus/world/as_of.h"

#include <gtest/gtest.h>

namespace exodus {
namespace {

const Date kDay0 = *Date::parse("2022-09-01");

TEST(AsOf, ADateAndADayNumberMeanTheSameDayInACalendar) {
  const AsOf by_date = AsOf::parse("2022-09-30", {"--as-of", 0, ""});
  const AsOf by_day = AsOf::parse("29", {"--as-of", 0, ""});
  EXPECT_EQ(by_date.day_number(kDay0), 29);
  EXPECT_EQ(by_day.date(kDay0), *Date::parse("2022-09-30"));
  EXPECT_EQ(by_date.date(kDay0), by_day.date(kDay0));
  EXPECT_EQ(by_date.text(), "2022-09-30");
  EXPECT_EQ(by_day.text(), "day 29");
  // Another calendar (a Flee case dates day d's counts the day after it) moves the number.
  EXPECT_EQ(by_date.day_number(kDay0 + 1), 28);
  EXPECT_EQ(by_day.day_number(kDay0 + 1), 29);
}

TEST(AsOf, RefusesWhatIsNeitherADateNorADay) {
  for (const char* text : {"-1", "nine", "2022-13-01", "2000000", "1.5", "-"})
    EXPECT_THROW(AsOf::parse(text, {"--as-of", 0, ""}), InputError) << text;
  try {
    AsOf::parse("-1", {"--as-of", 0, ""});
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("-1 is neither a date (YYYY-MM-DD) nor a day number of a case"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace exodus
