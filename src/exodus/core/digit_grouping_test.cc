#include "exodus/core/digit_grouping.h"

#include <gtest/gtest.h>

namespace exodus {
namespace {

TEST(DigitGrouping, GroupsThousandsWithCommas) {
  EXPECT_EQ(grouped(0), "0");
  EXPECT_EQ(grouped(999), "999");
  EXPECT_EQ(grouped(1000), "1,000");
  EXPECT_EQ(grouped(1234567), "1,234,567");
  EXPECT_EQ(grouped(-999), "-999");
  EXPECT_EQ(grouped(-1234), "-1,234");
}

}  // namespace
}  // namespace exodus
