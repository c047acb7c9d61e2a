#pragma once
// What a run of the Flee rule set counts besides its camps (recorder/flee_run_result.h): apart
// from the rules themselves, so that a run's result does not carry the rule set's insides.
#include <cstdint>

namespace exodus {

struct FleeRunStats {
  std::int64_t route_not_found = 0;  // decisions to move with no open route (agent stayed)
  std::int64_t turned_back = 0;      // arrivals sent back because their link closed
  std::int64_t link_entries = 0;     // steps onto a link
  std::int64_t unplaced_spawns = 0;  // agents the data asked for with no conflict zone to start in
  std::int64_t agent_days_acted = 0; // agents that acted, summed over days (the others stayed put)
};

}  // namespace exodus
