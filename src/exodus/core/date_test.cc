#include "exodus/core/date.h"

#include <gtest/gtest.h>

namespace exodus {
namespace {

TEST(Date, ParsesAndPrintsIso) {
  const auto d = Date::parse("2012-02-29");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->iso(), "2012-02-29");
  EXPECT_EQ((*d + 1).iso(), "2012-03-01");
  EXPECT_EQ(*Date::parse("2013-01-01") - *d, 307);
}

TEST(Date, RejectsImpossibleOrMalformedDates) {
  EXPECT_FALSE(Date::parse("2013-02-29"));
  EXPECT_FALSE(Date::parse("2012-13-01"));
  EXPECT_FALSE(Date::parse("2012-1-01"));
  EXPECT_FALSE(Date::parse("01/02/2012"));
  EXPECT_FALSE(Date::parse("0999-01-01"));
  EXPECT_THROW(parse_date("tomorrow", {"x.csv", 2, "date"}), InputError);
}

TEST(Date, KnowsItsWeekday) {
  EXPECT_EQ(Date::parse("2022-09-21")->weekday(), 2);  // the announcement, a Wednesday
  EXPECT_EQ(Date::parse("1970-01-01")->weekday(), 3);  // a Thursday
  EXPECT_EQ(Date::parse("1969-12-28")->weekday(), 6);  // a Sunday, before day 0
  EXPECT_EQ(Date::parse("2022-12-26")->weekday(), 0);  // a Monday
}

}  // namespace
}  // namespace exodus
