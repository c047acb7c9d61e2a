#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "exodus/output/number_format.h"
#include "exodus/output/output_dir.h"
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
  EXPECT_EQ(testing::read_bytes(target / "a.txt"), "hello");
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

// What an earlier run leaves: its files and a manifest listing them.
void write_earlier_output(const fs::path& dir, const std::vector<std::string>& files) {
  fs::create_directories(dir);
  std::string listed = "\"manifest.json\"";
  for (const auto& f : files) {
    std::ofstream(dir / f) << "mine";
    listed += ",\"" + f + "\"";
  }
  std::ofstream(dir / "manifest.json") << "{\"exodus_version\": \"0.1.0\", \"outputs\": [" << listed << "]}";
}

TEST(StagedOutputDir, NeverReplacesAnExistingFolderUnlessAsked) {
  const auto root = testing::make_temp_dir("exists");
  write_earlier_output(root / "run", {"keep.txt"});
  EXPECT_THROW(StagedOutputDir(root / "run", false), OutputError);
  EXPECT_EQ(testing::read_bytes(root / "run" / "keep.txt"), "mine");
  {
    StagedOutputDir staged(root / "run", true);
    staged.write("new.txt", "fresh");
    EXPECT_TRUE(fs::exists(root / "run" / "keep.txt"));  // still there until the commit
    staged.commit();
  }
  EXPECT_FALSE(fs::exists(root / "run" / "keep.txt"));
  EXPECT_EQ(testing::read_bytes(root / "run" / "new.txt"), "fresh");
  EXPECT_EQ(std::distance(fs::directory_iterator(root), fs::directory_iterator()), 1);  // no staging left
  fs::remove_all(root);
}

TEST(StagedOutputDir, ForceNeverReplacesAFolderThatIsNotAnEarlierOutputNorAFile) {
  const auto root = testing::make_temp_dir("force");
  fs::create_directories(root / "inputs");
  std::ofstream(root / "inputs" / "locations.csv") << "mine";
  std::ofstream(root / "notes.txt") << "mine too";
  try {
    StagedOutputDir staged(root / "inputs", true);
    FAIL();
  } catch (const OutputError& e) {
    EXPECT_NE(std::string(e.what()).find("not an exodus output folder"), std::string::npos) << e.what();
  }
  EXPECT_THROW(StagedOutputDir(root / "notes.txt", true), OutputError);
  EXPECT_EQ(testing::read_bytes(root / "inputs" / "locations.csv"), "mine");
  EXPECT_EQ(testing::read_bytes(root / "notes.txt"), "mine too");
  fs::remove_all(root);
}

TEST(StagedOutputDir, NothingIsOnDiskBeforeTheFirstWrite) {
  const auto root = testing::make_temp_dir("lazy");
  {
    StagedOutputDir staged(root / "deeper" / "run", false);
    EXPECT_FALSE(fs::exists(root / "deeper"));  // a run killed now leaves nothing behind
    staged.write("a.txt", "x");
    staged.commit();
  }
  EXPECT_EQ(testing::read_bytes(root / "deeper" / "run" / "a.txt"), "x");
  fs::remove_all(root);
}

// --force replaces only what exodus wrote: a file saved into an earlier output, a folder made
// there, or a manifest.json that is not exodus's (any folder can hold one) means refusal.
TEST(StagedOutputDir, ForceRefusesAnEarlierOutputHoldingAnythingItsManifestDoesNotList) {
  const auto root = testing::make_temp_dir("force-listed");
  write_earlier_output(root / "run", {"daily.csv"});
  std::ofstream(root / "run" / "notebook.ipynb") << "my analysis";
  fs::create_directories(root / "run" / "plots");
  try {
    StagedOutputDir staged(root / "run", true);
    FAIL();
  } catch (const OutputError& e) {
    EXPECT_NE(std::string(e.what()).find("holds what exodus did not write there (notebook.ipynb, plots)"),
              std::string::npos) << e.what();
  }
  EXPECT_EQ(testing::read_bytes(root / "run" / "notebook.ipynb"), "my analysis");

  fs::create_directories(root / "ext");
  std::ofstream(root / "ext" / "manifest.json") << "{}";
  std::ofstream(root / "ext" / "background.js") << "code";
  try {
    StagedOutputDir staged(root / "ext", true);
    FAIL();
  } catch (const OutputError& e) {
    EXPECT_NE(std::string(e.what()).find("is not an exodus manifest listing its outputs"), std::string::npos)
        << e.what();
  }
  EXPECT_EQ(testing::read_bytes(root / "ext" / "background.js"), "code");
  // A listed file the user removed is no obstacle.
  write_earlier_output(root / "fine", {"daily.csv", "summary.json"});
  fs::remove(root / "fine" / "summary.json");
  {
    StagedOutputDir staged(root / "fine", true);
    staged.write("daily.csv", "new");
    staged.commit();
  }
  EXPECT_EQ(testing::read_bytes(root / "fine" / "daily.csv"), "new");
  fs::remove_all(root);
}

// A staging folder is judged by its flock, which the kernel drops when its owner dies: a pid
// that is dead here may be alive in another PID namespace (a container) or on another host.
TEST(StagedOutputDir, AStagingFolderWhoseLockIsHeldIsKeptWhateverItsPid) {
  const auto root = testing::make_temp_dir("locked");
  const std::string dead_here = "99999999";
  const fs::path live = root / (".run.partial-" + dead_here + "-0000aaaa");
  const fs::path gone = root / (".run.partial-" + dead_here + "-0000bbbb");
  fs::create_directories(live);
  fs::create_directories(gone);
  std::ofstream(live / ".exodus-lock") << "";
  std::ofstream(gone / ".exodus-lock") << "";
  const int held = ::open((live / ".exodus-lock").c_str(), O_RDONLY);
  ASSERT_GE(held, 0);
  ASSERT_EQ(::flock(held, LOCK_EX), 0);  // a separate open: flock conflicts within a process too
  EXPECT_EQ(abandoned_staging_folders(root / "run"), std::vector<fs::path>{gone});
  { StagedOutputDir staged(root / "run", false); }
  EXPECT_TRUE(fs::exists(live));
  EXPECT_FALSE(fs::exists(gone));
  ::close(held);
  EXPECT_EQ(abandoned_staging_folders(root / "run"), std::vector<fs::path>{live});  // now its owner is gone
  fs::remove_all(root);
}

TEST(StagedOutputDir, AnOutputNeverHoldsTheLockFile) {
  const auto root = testing::make_temp_dir("no-lock");
  {
    StagedOutputDir staged(root / "run", false);
    staged.write("a.txt", "x");
    staged.commit();
  }
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(root / "run")) names.push_back(e.path().filename().string());
  EXPECT_EQ(names, std::vector<std::string>{"a.txt"});
  fs::remove_all(root);
}

TEST(StagedOutputDir, AParentThatIsAFileIsRefusedBeforeTheWork) {
  const auto root = testing::make_temp_dir("parent-file");
  std::ofstream(root / "file") << "mine";
  try {
    StagedOutputDir staged(root / "file" / "run", false);
    FAIL();
  } catch (const OutputError& e) {
    EXPECT_NE(std::string(e.what()).find("is not a folder"), std::string::npos) << e.what();
  }
  EXPECT_EQ(testing::read_bytes(root / "file"), "mine");
  fs::remove_all(root);
}

TEST(StagedOutputDir, TheNextRunRemovesStagingLeftByAKilledProcessAndRestoresAMovedAsideOutput) {
  const auto root = testing::make_temp_dir("stale");
  // A pid that cannot be alive: above the kernel's pid_max (4,194,304 at most).
  const std::string dead = "99999999";
  fs::create_directories(root / (".run.partial-" + dead + "-0000abcd"));
  std::ofstream(root / (".run.partial-" + dead + "-0000abcd") / "out.csv") << "half";
  fs::create_directories(root / (".other.partial-" + dead + "-0000abcd"));  // another target's: kept
  fs::create_directories(root / (".mine.partial-" + dead + "-0000beef.old"));
  write_earlier_output(root / (".mine.partial-" + dead + "-0000beef.old"), {});
  EXPECT_EQ(abandoned_staging_folders(root / "run").size(), 1u);
  { StagedOutputDir staged(root / "run", false); }
  { StagedOutputDir staged(root / "mine", true); }
  EXPECT_FALSE(fs::exists(root / (".run.partial-" + dead + "-0000abcd")));
  EXPECT_TRUE(fs::exists(root / (".other.partial-" + dead + "-0000abcd")));
  EXPECT_TRUE(fs::exists(root / "mine" / "manifest.json"));  // the earlier output is back
  fs::remove_all(root);
}

}  // namespace
}  // namespace exodus

namespace exodus {
namespace {

TEST(StagedOutputDir, ATrailingSlashNamesTheFolderAndATooLongNameIsRefusedBeforeTheWork) {
  const auto dir = testing::make_temp_dir("out-names");
  {
    StagedOutputDir out(dir / "new" / "", false);
    EXPECT_EQ(out.target(), dir / "new");
    out.write("a.txt", "x");
    out.commit();
  }
  EXPECT_TRUE(std::filesystem::exists(dir / "new" / "a.txt"));
  EXPECT_THROW(StagedOutputDir(dir / std::string(240, 'n'), false), OutputError);
  EXPECT_NO_THROW(StagedOutputDir(dir / std::string(200, 'n'), false));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace exodus
