#pragma once
// How many agents a Flee case can create, computed before the run so that an absurd input (a
// camp count of 10^12, a spawn rate of 10^9 a day) is refused up front instead of exhausting
// memory. Data-driven spawning and day-0 insertion are counted exactly; conflict-driven modes
// assume every location that is ever in conflict spawns at its largest intensity every day.
#include <cstdint>

#include "exodus/world/flee_world.h"

namespace exodus {

enum class FleeAgentSource {
  kInitialPopulation,  // camps' day-0 data and initial_idps (locations.csv)
  kValidationData,     // data-driven spawning (the validation series)
  kConflictSpawning,   // conflict-driven spawning (simsetting.yml spawn_rules)
};

struct FleeAgentBound {
  double agents = 0;  // a double: absurd inputs must not overflow the count itself
  FleeAgentSource largest = FleeAgentSource::kInitialPopulation;  // the largest contribution
};

FleeAgentBound flee_agent_bound(const FleeWorld& world);

// Bytes of agent state per agent, with the headroom of a growing array: 17 bytes of state and
// up to two entries of 4 bytes in the lists of the days agents next act (FleeRules compacts them
// beyond that).
inline constexpr double kFleeBytesPerAgent = 2 * (4 + 4 + 4 + 1 + 4 + 2 * 4);

}  // namespace exodus
