#pragma once
// Reads a scenario folder: scenario.yaml and its CSV tables (docs/scenario-format.md).
#include "core/error.h"
#include "core/text_source.h"
#include "world/scenario.h"

namespace exodus {

// Reads and checks everything; throws InputErrors listing every problem (file, line, field).
Scenario read_scenario(const FileSource& folder);

// The same checks, returning the problems instead of throwing (exodus check).
std::vector<InputError> check_scenario(const FileSource& folder);

}  // namespace exodus
