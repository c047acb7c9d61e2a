#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "output/number_format.h"
#include "output/output_dir.h"
#include "test_support.h"

namespace exodus {
namespace {

namespace fs = std::filesystem;

TEST(NumberFormat, PrintsFloatsAsPythonDoes) {
  EXPECT_EQ(python_float(0.0), "0.0");
  EXPECT_EQ(python_float(1.0), "1.0");
  EXPECT_EQ(python_float(0.0008), "0.0008");
  EXPECT_EQ(python_float(1e-05), "1e-05");
  EXPECT_EQ(python_float(0.0003558373499822081), "0.0003558373499822081");
  EXPECT_EQ(round4(0.04161), 0.0416);
  EXPECT_EQ(with_commas(1234567), "1,234,567");
  EXPECT_EQ(with_commas(-999), "-999");
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  return {std::istreambuf_iterator<char>(in), {}};
}

TEST(StagedOutputDir, AppearsOnlyOnCommit) {
  const auto root = testing::make_temp_dir("stage");
  const auto target = root / "run";
  {
    StagedOutputDir staged(target, false);
    staged.write("a.txt", "hello");
    EXPECT_FALSE(fs::exists(target));
    staged.commit();
  }
  EXPECT_EQ(slurp(target / "a.txt"), "hello");
  EXPECT_EQ(std::distance(fs::directory_iterator(root), fs::directory_iterator()), 1);
  fs::remove_all(root);
}

TEST(StagedOutputDir, LeavesNothingWhenAbandoned) {
  const auto root = testing::make_temp_dir("abandon");
  {
    StagedOutputDir staged(root / "run", false);
    staged.write("a.txt", "partial");
  }
  EXPECT_TRUE(fs::is_empty(root));
  fs::remove_all(root);
}

TEST(StagedOutputDir, NeverReplacesAnExistingFolderUnlessAsked) {
  const auto root = testing::make_temp_dir("exists");
  fs::create_directories(root / "run");
  std::ofstream(root / "run" / "keep.txt") << "mine";
  EXPECT_THROW(StagedOutputDir(root / "run", false), OutputError);
  EXPECT_EQ(slurp(root / "run" / "keep.txt"), "mine");
  {
    StagedOutputDir staged(root / "run", true);
    staged.write("new.txt", "fresh");
    staged.commit();
  }
  EXPECT_FALSE(fs::exists(root / "run" / "keep.txt"));
  EXPECT_EQ(slurp(root / "run" / "new.txt"), "fresh");
  fs::remove_all(root);
}

}  // namespace
}  // namespace exodus
