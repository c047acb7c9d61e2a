#include "exodus/sim/worker_pool.h"

#include <tbb/blocked_range.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>

namespace exodus {

struct WorkerPool::Arena {
  tbb::task_arena arena;
};

// TBB gives an arena no more workers than the machine has cores unless a process-wide limit
// is raised, which this class exists to avoid; so a pool asks for no more than that.
WorkerPool::WorkerPool(int threads)
    : threads_(std::clamp(threads, 1, std::max(1, tbb::info::default_concurrency()))),
      arena_(std::make_unique<Arena>(Arena{tbb::task_arena(threads_)})) {}

WorkerPool::~WorkerPool() = default;

void WorkerPool::for_blocks(std::size_t n, std::size_t block,
                            const std::function<void(std::size_t, std::size_t)>& body) const {
  block = std::max<std::size_t>(1, block);
  if (threads_ == 1) {
    for (std::size_t b = 0; b < n; b += block) body(b, std::min(n, b + block));
    return;
  }
  arena_->arena.execute([&] {
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, block),
                      [&](const tbb::blocked_range<std::size_t>& r) { body(r.begin(), r.end()); });
  });
}

}  // namespace exodus
