#pragma once
// A budget of worker threads that runs are handed, instead of a process-wide setting: each
// run executes its parallel loops inside its pool's task arena, so several runs in one process
// (the members of an ensemble, on their own threads) neither fight over a global limit nor
// change one another's results. Results never depend on the thread count (sim/engine.h).
#include <cstddef>
#include <functional>
#include <memory>

namespace exodus {

class WorkerPool {
 public:
  // At most as many threads as the machine has cores (threads() says how many).
  explicit WorkerPool(int threads);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  int threads() const { return threads_; }
  // Calls body(begin, end) on blocks of at most `block` items covering [0, n), concurrently
  // on the pool's threads (serially, in order, when it has one).
  void for_blocks(std::size_t n, std::size_t block, const std::function<void(std::size_t, std::size_t)>& body) const;

 private:
  struct Arena;
  int threads_;
  std::unique_ptr<Arena> arena_;
};

}  // namespace exodus
