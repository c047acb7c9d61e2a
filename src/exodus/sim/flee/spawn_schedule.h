#pragma once
// How many agents Flee's data-driven spawning adds each day: the day's growth of the camp
// series, less any "refugee debt" left when the data fell. A pure function of the validation
// data, so it is computed once before the run.
#include <cstdint>
#include <vector>

#include "exodus/world/flee_world.h"

namespace exodus {

struct SpawnDay {
  std::int64_t new_agents = 0;
  std::int64_t raw_count = 0;  // Flee's cumulative "raw UNHCR refugee count"
  std::int64_t debt = 0;
};

// One entry per day. Day 0 spawns nothing (camps are pre-filled) and its raw count includes
// every series, the total too: Flee's day-0 double count, kept so out.csv matches Flee's.
std::vector<SpawnDay> data_driven_spawns(const FleeWorld& world);

}  // namespace exodus
