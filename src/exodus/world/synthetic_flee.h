#pragma once
// A generated Flee world for benchmarks and scale tests: locations on a plane, each joined
// to its nearest neighbours, a tenth of them conflict zones and a tenth camps.
#include <cstdint>

#include "exodus/world/flee_world.h"

namespace exodus {

FleeWorld make_synthetic_flee_world(std::uint32_t locations, std::int32_t days, std::uint64_t seed);

}  // namespace exodus
