#pragma once
// One run of the exodus rule set on a scenario: engine, rules and recorder wired together.
#include <cstdint>

#include "exodus/recorder/exodus_run_result.h"
#include "exodus/run/run_options.h"
#include "exodus/world/scenario.h"

namespace exodus {

ExodusRunResult run_exodus(const Scenario& scenario, const RunOptions& options);

}  // namespace exodus
