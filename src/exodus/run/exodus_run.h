#pragma once
// One run of the exodus rule set on a scenario: engine, rules and recorder wired together.
#include <atomic>
#include <cstdint>
#include <functional>

#include "exodus/recorder/exodus_run_result.h"
#include "exodus/sim/worker_pool.h"
#include "exodus/world/scenario.h"

namespace exodus {

struct ExodusRunOptions {
  std::uint64_t seed = 1;
  int threads = 1;
  // Shared with other runs in the process when given (then `threads` is ignored).
  const WorkerPool* pool = nullptr;
  // Called after each day with (days done, days in all, agents).
  std::function<void(std::int32_t, std::int32_t, std::size_t)> progress;
  const std::atomic<bool>* stop = nullptr;
};

ExodusRunResult run_exodus(const Scenario& scenario, const ExodusRunOptions& options);

}  // namespace exodus
