#include "exodus/core/parse.h"

#include <gtest/gtest.h>

namespace exodus {
namespace {

const SourcePos kPos{"f.csv", 4, "distance"};

TEST(Parse, ReadsNumbersWithSpaces) {
  EXPECT_DOUBLE_EQ(parse_double(" 12.5 ", kPos), 12.5);
  EXPECT_DOUBLE_EQ(parse_double("+3", kPos), 3.0);
  EXPECT_EQ(parse_int(" 42", kPos), 42);
  EXPECT_FALSE(parse_optional_int("  ", kPos).has_value());
}

TEST(Parse, OneSignAtMost) {
  const SourcePos pos{"f.csv", 2, "value"};
  EXPECT_EQ(parse_double("+5", pos), 5.0);
  EXPECT_EQ(parse_int("+5", pos, -10, 10), 5);
  for (const char* bad : {"+-5", "++5", "-+5", "+"}) {
    EXPECT_THROW(parse_double(bad, pos), InputError) << bad;
    EXPECT_THROW(parse_int(bad, pos, -10, 10), InputError) << bad;
  }
}

TEST(Parse, ErrorsNameTheField) {
  try {
    parse_double("12km", kPos);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), "f.csv:4: field 'distance': expected a number, found '12km'");
  }
}

TEST(Parse, RejectsNanInfinityAndHugeNumbers) {
  EXPECT_THROW(parse_double("nan", kPos), InputError);
  EXPECT_THROW(parse_double("inf", kPos), InputError);
  EXPECT_THROW(parse_double("1e999", kPos), InputError);
  EXPECT_THROW(parse_int("99999999999999999999", kPos), InputError);
}

TEST(Parse, IntegersMustBeWholeAndInRange) {
  EXPECT_THROW(parse_int("1.5", kPos), InputError);
  EXPECT_THROW(parse_int("-1", kPos, 0, 10), InputError);
  EXPECT_THROW(parse_int("11", kPos, 0, 10), InputError);
  EXPECT_EQ(parse_int("10", kPos, 0, 10), 10);
}

}  // namespace
}  // namespace exodus

namespace exodus {
TEST(Parse, SplitsListsOnSemicolonsAndTrims) {
  EXPECT_EQ(split_list(" EU ; Schengen;;"), (std::vector<std::string>{"EU", "Schengen"}));
  EXPECT_TRUE(split_list("").empty());
  EXPECT_TRUE(split_list(" ; ").empty());
}
}  // namespace exodus
