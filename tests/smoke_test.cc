#include <gtest/gtest.h>

#include "test_support.h"

namespace exodus::testing {
TEST(Cli, VersionExitsZero) {
  std::string out;
  EXPECT_EQ(run_exodus("--version", &out), 0);
  EXPECT_NE(out.find("exodus"), std::string::npos);
}
}  // namespace exodus::testing
