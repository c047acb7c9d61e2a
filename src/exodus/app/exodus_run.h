#pragma once
// Loading an exodus scenario (a folder or the embedded default) and running it.
#include <atomic>
#include <filesystem>
#include <functional>
#include <optional>
#include <vector>

#include "exodus/core/limits.h"
#include "exodus/core/recording_source.h"
#include "exodus/recorder/exodus_run_result.h"
#include "exodus/sim/worker_pool.h"
#include "exodus/world/scenario.h"

namespace exodus {

struct LoadedScenario {
  Scenario scenario;
  std::vector<InputRecord> inputs;
};

// From a folder, or the embedded default when `folder` is empty. Throws InputErrors.
LoadedScenario load_scenario(const std::optional<std::filesystem::path>& folder, const InputLimits& limits = {});

// Every problem of a scenario's files (io/scenario's check_scenario) and, when they read
// cleanly, whether the run they describe fits the limits: what `exodus check` reports.
std::vector<InputError> check_scenario_inputs(const FileSource& folder, const InputLimits& limits = {});

// Refuses `members` runs held in memory together (a calibration's population, an ensemble)
// whose daily series would not fit --max-daily-values; the error names --members.
void check_members_fit(const Scenario& scenario, std::size_t members, const InputLimits& limits);

struct ExodusRunOptions {
  std::uint64_t seed = 1;
  int threads = 1;
  // Shared with other runs in the process when given (then `threads` is ignored).
  const WorkerPool* pool = nullptr;
  std::function<void(std::int32_t, std::int32_t, std::size_t)> progress;
  const std::atomic<bool>* stop = nullptr;
};

ExodusRunResult run_exodus(const Scenario& scenario, const ExodusRunOptions& options);

}  // namespace exodus
