// The architecture as a test: each folder of src/exodus/ may include only its own folder and
// those below it, so data flows one way (HACKING.md draws the layers).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace exodus::testing {
namespace {

// From the bottom up. io reads files into world's types; sim runs them; recorder keeps what a
// run did; run wires a rule set, the engine and its recorder into one run (a calibration
// member's run included); observe says what reports measure of it; score, infer and output
// build on those; page reads outputs back into pages; ranks carries members between MPI ranks; app runs use
// cases; cli only parses arguments and prints.
const std::vector<std::string> kLayers = {"core",  "world",  "io",     "sim",    "recorder", "run",
                                          "observe", "score", "infer", "output", "page", "ranks", "app", "cli"};

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


// The headers a `set(NAME ...)` of cmake/public_headers.cmake lists (one path a line; a line
// naming another list, ${NAME}, stands for that list's headers).
std::set<std::string> cmake_list(const std::string& name) {
  std::ifstream in(source_dir() / "cmake" / "public_headers.cmake");
  std::set<std::string> out;
  std::string line;
  bool inside = false;
  while (std::getline(in, line)) {
    const auto first = line.find_first_not_of(" \t");
    const std::string word = first == std::string::npos ? "" : line.substr(first);
    if (word.starts_with("#")) continue;
    if (word == "set(" + name) inside = true;
    else if (inside && word == ")") break;
    else if (inside && word.starts_with("${")) out.merge(cmake_list(word.substr(2, word.size() - 3)));
    else if (inside && !word.empty()) out.insert(word);
  }
  return out;
}

// The exodus headers and the other libraries' headers that `header` includes (paths under src/exodus).
void includes_of(const std::string& header, std::vector<std::string>& ours, std::vector<std::string>& theirs) {
  std::ifstream in(source_dir() / "src" / "exodus" / header);
  EXPECT_TRUE(in.good()) << header;
  std::string line;
  while (std::getline(in, line)) {
    const auto hash = line.find_first_not_of(" \t");
    if (hash == std::string::npos || line[hash] != '#' || line.find("include", hash) == std::string::npos) continue;
    const auto open = line.find_first_of("<\"", hash), close = line.find_last_of(">\"");
    if (open == std::string::npos || close <= open) continue;
    const std::string path = line.substr(open + 1, close - open - 1);
    if (path.starts_with("exodus/")) ours.push_back(path.substr(7));
    else theirs.push_back(path);
  }
}

// Only the public face is installed: the facade and, header by header, what it includes; and
// none of it names a library the package links privately (Eigen included), so that a program
// built against the installed headers finds every header it is handed and needs none of those
// libraries.
TEST(Layering, OnlyThePublicFaceIsInstalledAndItNamesNoPrivateLibrary) {
  const std::set<std::string> facade = cmake_list("EXODUS_FACADE_HEADERS");
  const std::set<std::string> installed = cmake_list("EXODUS_INSTALLED_HEADERS");
  ASSERT_GT(facade.size(), 5u);
  std::set<std::string> closure;
  std::vector<std::string> todo(facade.begin(), facade.end());
  const std::vector<std::string> kPrivate = {"fmt/",   "yaml-cpp/", "nlohmann/", "tbb/", "oneapi/",
                                             "mpi.h", "CLI/",      "nlopt",     "Eigen/", "stan/"};
  while (!todo.empty()) {
    const std::string header = todo.back();
    todo.pop_back();
    if (!closure.insert(header).second) continue;
    std::vector<std::string> ours, theirs;
    includes_of(header, ours, theirs);
    for (const auto& h : ours) todo.push_back(h);
    for (const auto& t : theirs)
      for (const auto& p : kPrivate) EXPECT_FALSE(t.starts_with(p)) << header << " includes " << t << ", a private library";
  }
  for (const auto& h : closure) EXPECT_TRUE(installed.count(h)) << h << " is included by the facade but not installed";
  for (const auto& h : installed) EXPECT_TRUE(closure.count(h)) << h << " is installed but the facade does not need it";
  for (const auto& h : closure) EXPECT_FALSE(h.starts_with("cli/")) << h;
}

}  // namespace
}  // namespace exodus::testing
