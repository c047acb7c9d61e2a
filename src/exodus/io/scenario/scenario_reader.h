#pragma once
// Reads a scenario folder: scenario.yaml and its CSV tables (docs/scenario-format.md).
#include "exodus/core/error.h"
#include "exodus/core/limits.h"
#include "exodus/core/text_source.h"
#include "exodus/world/scenario.h"

namespace exodus {

// Reads and checks everything; throws InputErrors listing every problem (file, line, field).
// A scenario over limits.max_days, or expected to create more than limits.max_agents agents,
// is an error naming the limit and the option that raises it.
Scenario read_scenario(const FileSource& folder, const InputLimits& limits = {});

// The same checks, returning the problems instead of throwing (exodus check).
std::vector<InputError> check_scenario(const FileSource& folder, const InputLimits& limits = {});

}  // namespace exodus
