#pragma once
// Turns the rows read from a Flee case's files into the world the engine runs, making every
// cross-file check (unknown names, short tables) on the way.
#include <cstdint>
#include <string>
#include <vector>

#include "exodus/io/flee/flee_inputs.h"
#include "exodus/world/flee_world.h"

namespace exodus {

// Throws InputErrors listing every inconsistency (file, line, field).
FleeWorld build_flee_world(const FleeInputs& inputs, std::string case_name);

// Flee's interpolation of a validation series at a day: linear between points, flat outside,
// truncated to a whole number.
std::int64_t interpolate_series(const std::vector<FleeDataPoint>& points, std::int64_t day);

}  // namespace exodus
