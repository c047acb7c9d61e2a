#pragma once
// One run of the Flee rule set on a loaded world: engine, rules and recorder wired together.
#include <atomic>
#include <cstdint>
#include <functional>

#include "exodus/recorder/flee_run_result.h"
#include "exodus/sim/worker_pool.h"
#include "exodus/world/flee_world.h"

namespace exodus {

struct FleeRunOptions {
  std::uint64_t seed = 1;
  int threads = 1;
  // Shared with other runs in the process when given (then `threads` is ignored).
  const WorkerPool* pool = nullptr;
  // Called after each day with (days done, days in all, agents).
  std::function<void(std::int32_t, std::int32_t, std::size_t)> progress;
  const std::atomic<bool>* stop = nullptr;
};


FleeRunResult run_flee(const FleeWorld& world, const FleeRunOptions& options);

}  // namespace exodus
