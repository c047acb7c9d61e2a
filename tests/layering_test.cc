// The architecture as a test: each folder of src/exodus/ may include only its own folder and
// those below it, so data flows one way (HACKING.md draws the layers).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "test_support.h"

namespace exodus::testing {
namespace {

// From the bottom up. io reads files into world's types; sim runs them; recorder keeps what a
// run did; observe says what reports measure of it; score, infer and output build on those;
// app runs use cases; cli only parses arguments and prints.
const std::vector<std::string> kLayers = {"core",  "world", "io",    "sim",    "recorder", "observe",
                                          "score", "infer", "output", "app",   "cli"};

int rank_of(const std::string& folder) {
  for (std::size_t i = 0; i < kLayers.size(); ++i)
    if (kLayers[i] == folder) return static_cast<int>(i);
  return -1;
}

TEST(Layering, NoFolderIncludesOneAboveIt) {
  const auto root = source_dir() / "src" / "exodus";
  ASSERT_TRUE(std::filesystem::is_directory(root));
  const std::regex include_line(R"re(^\s*#\s*include\s*[<"]exodus/([a-z_]+)/)re");
  std::size_t files = 0, includes = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    const auto rel = std::filesystem::relative(entry.path(), root);
    const std::string folder = rel.begin()->string();
    const int from = rank_of(folder);
    EXPECT_GE(from, 0) << "src/exodus/" << folder << " is not in the list of layers";
    const bool is_test = entry.path().filename().string().ends_with("_test.cc");
    std::ifstream in(entry.path());
    std::string line;
    ++files;
    while (std::getline(in, line)) {
      std::smatch m;
      if (!std::regex_search(line, m, include_line)) continue;
      ++includes;
      const int to = rank_of(m[1]);
      EXPECT_GE(to, 0) << rel << " includes an unknown folder: " << line;
      // A test may reach higher to build its fixture (e.g. a reader test loading a scenario).
      if (!is_test) {
        EXPECT_LE(to, from) << rel << " (" << folder << ") includes " << m[1] << ": " << line;
      }
    }
  }
  EXPECT_GT(files, 100u);
  EXPECT_GT(includes, 200u);
}

}  // namespace
}  // namespace exodus::testing
