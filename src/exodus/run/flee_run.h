#pragma once
// One run of the Flee rule set on a loaded world: engine, rules and recorder wired together.
#include <cstdint>

#include "exodus/recorder/flee_run_result.h"
#include "exodus/run/run_options.h"
#include "exodus/world/flee_world.h"

namespace exodus {

FleeRunResult run_flee(const FleeWorld& world, const RunOptions& options);

}  // namespace exodus
