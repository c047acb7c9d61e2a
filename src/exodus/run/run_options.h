#pragma once
// How one run of either rule set goes (run_exodus, run_flee): its seed, its threads or a pool it
// shares, progress and a stop. One type for both, as the engine takes one kind of settings.
#include <atomic>
#include <cstdint>
#include <functional>

#include "exodus/sim/worker_pool.h"

namespace exodus {

struct EngineOptions;

struct RunOptions {
  std::uint64_t seed = 1;
  int threads = 1;
  // Shared with other runs in the process when given (then `threads` is ignored).
  const WorkerPool* pool = nullptr;
  // Called after each day with (days done, days in all, agents).
  std::function<void(std::int32_t, std::int32_t, std::size_t)> progress;
  const std::atomic<bool>* stop = nullptr;
};

// The engine's settings for such a run; what it does after each day is the rule set's own.
EngineOptions engine_options(const RunOptions& options);

}  // namespace exodus
