#include "exodus/core/path_name.h"

#include <gtest/gtest.h>

namespace exodus {
namespace {

TEST(PathName, OnlyNamesThatStayInsideTheirFolderPass) {
  EXPECT_FALSE(path_name_problem("mobilization-2022"));
  EXPECT_FALSE(path_name_problem("case_1.v2"));
  for (const char* bad : {"", ".", "..", "../../escape", "/tmp/x", "a b", "a\nb", "süd"})
    EXPECT_TRUE(path_name_problem(bad)) << bad;
  EXPECT_EQ(*path_name_problem("../x"), "names the output folder, so it may hold only letters, digits, '-', '_' and '.' (not '/')");
  EXPECT_TRUE(path_name_problem(std::string(101, 'a')));
}

}  // namespace
}  // namespace exodus
