#include "exodus/sim/worker_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace exodus {
namespace {

TEST(WorkerPool, CoversEveryItemOnceInBlocksOfAtMostTheSize) {
  for (int threads : {1, 2, 64}) {
    const WorkerPool pool(threads);
    EXPECT_GE(pool.threads(), 1);
    EXPECT_LE(pool.threads(), static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
    std::vector<std::atomic<int>> seen(10007);
    std::atomic<bool> oversized{false};
    pool.for_blocks(seen.size(), 100, [&](std::size_t begin, std::size_t end) {
      if (end - begin > 100) oversized = true;
      for (std::size_t i = begin; i < end; ++i) ++seen[i];
    });
    EXPECT_FALSE(oversized) << threads;
    for (std::size_t i = 0; i < seen.size(); ++i) ASSERT_EQ(seen[i].load(), 1) << "item " << i << ", " << threads << " threads";
  }
  const WorkerPool pool(2);
  int calls = 0;
  pool.for_blocks(0, 100, [&](std::size_t, std::size_t) { ++calls; });
  EXPECT_EQ(calls, 0);
}

}  // namespace
}  // namespace exodus
