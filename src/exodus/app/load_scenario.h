#pragma once
// Loading an exodus scenario (a folder or the embedded default), and the checks of its size
// that need the recorder: what a run would hold in memory.
#include <filesystem>
#include <optional>
#include <vector>

#include "exodus/core/limits.h"
#include "exodus/core/recording_source.h"
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

}  // namespace exodus
