#include "exodus/output/file_lock.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "test_support.h"

namespace exodus {
namespace {

TEST(FileLock, OneHolderAtATimeAndTheFileGoesWithTheClaim) {
  const auto dir = testing::make_temp_dir("lock");
  const auto path = dir / "x.checkpoint.lock";
  {
    auto first = FileLock::try_take(path);
    ASSERT_TRUE(first.has_value());
    EXPECT_TRUE(std::filesystem::exists(path));
    EXPECT_FALSE(FileLock::try_take(path).has_value());  // another open file description: refused
    FileLock moved = std::move(*first);
    first.reset();  // the moved-from claim lets nothing go
    EXPECT_FALSE(FileLock::try_take(path).has_value());
  }
  EXPECT_FALSE(std::filesystem::exists(path));
  // A lock file left by a process that died holds no lock: taken over.
  testing::write_files(dir, {{"x.checkpoint.lock", ""}});
  EXPECT_TRUE(FileLock::try_take(path).has_value());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace exodus
