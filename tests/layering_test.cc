// The architecture as a test: each folder of src/exodus/ may include only its own folder and
// those below it, so data flows one way (HACKING.md draws the layers).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace exodus::testing {
namespace {

// From the bottom up. io reads files into world's types; sim runs them; recorder keeps what a
// run did; run wires a rule set, the engine and its recorder into one run (a calibration
// member's run included); observe says what reports measure of it; score, infer and output
// build on those; report reads outputs back into pages; dist carries members between MPI ranks; app runs use
// cases; cli only parses arguments and prints.
const std::vector<std::string> kLayers = {"core",  "world",  "io",     "sim",    "recorder", "run",
                                          "observe", "score", "infer", "output", "report", "dist", "app", "cli"};

int rank_of(const std::string& folder) {
  for (std::size_t i = 0; i < kLayers.size(); ++i)
    if (kLayers[i] == folder) return static_cast<int>(i);
  return -1;
}

// The layer an #include line names ("#include \"exodus/world/x.h\"" -> "world"), or "".
std::string included_layer(const std::string& line) {
  const auto hash = line.find_first_not_of(" \t");
  if (hash == std::string::npos || line[hash] != '#' || line.find("include", hash) == std::string::npos) return "";
  const auto at = line.find("exodus/", hash);
  if (at == std::string::npos || at == 0 || (line[at - 1] != '"' && line[at - 1] != '<')) return "";
  const auto start = at + 7, slash = line.find('/', start);
  return slash == std::string::npos ? "" : line.substr(start, slash - start);
}

TEST(Layering, IncludeLinesAreReadAsTheyAreWritten) {
  EXPECT_EQ(included_layer("#include \"exodus/world/scenario.h\""), "world");
  EXPECT_EQ(included_layer("#  include <exodus/app/use_case.h>"), "app");
  EXPECT_EQ(included_layer("#include <fmt/format.h>"), "");
  EXPECT_EQ(included_layer("// see exodus/cli/main.cc"), "");
}

TEST(Layering, NoFolderIncludesOneAboveIt) {
  const auto root = source_dir() / "src" / "exodus";
  ASSERT_TRUE(std::filesystem::is_directory(root));
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
      const std::string target = included_layer(line);
      if (target.empty()) continue;
      ++includes;
      const int to = rank_of(target);
      EXPECT_GE(to, 0) << rel << " includes an unknown folder: " << line;
      // A test may reach higher to build its fixture (e.g. a reader test loading a scenario).
      if (!is_test) {
        EXPECT_LE(to, from) << rel << " (" << folder << ") includes " << target << ": " << line;
      }
    }
  }
  EXPECT_GT(files, 100u);
  EXPECT_GT(includes, 200u);
}

}  // namespace
}  // namespace exodus::testing
