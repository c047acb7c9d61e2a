#include "exodus/sim/flee/agent_bound.h"

#include <algorithm>

#include "exodus/sim/flee/spawn_schedule.h"

namespace exodus {

FleeAgentBound flee_agent_bound(const FleeWorld& world) {
  const auto& s = world.settings;
  double initial = 0;
  for (std::size_t c = 0; c < world.camps.size(); ++c) {
    initial += static_cast<double>(world.start_state[world.camps[c]].initial_idps);
    if (s.insert_day0 && world.has_validation() && world.camp_series[c] >= 0)
      initial += static_cast<double>(world.series[static_cast<std::size_t>(world.camp_series[c])].daily[0]);
  }

  double spawned = 0;
  FleeAgentSource spawn_source = FleeAgentSource::kValidationData;
  if (s.spawn_mode == FleeSpawnMode::kFromData) {
    for (const auto& day : data_driven_spawns(world)) spawned += static_cast<double>(day.new_agents);
  } else {
    spawn_source = FleeAgentSource::kConflictSpawning;
    // The largest intensity each location ever has (its start state or a dated change).
    std::vector<double> peak(world.start_state.size(), 0.0);
    for (std::size_t i = 0; i < peak.size(); ++i) peak[i] = std::max(0.0, world.start_state[i].conflict);
    for (const auto& changes : world.conflict_changes)
      for (const auto& c : changes) peak[c.location] = std::max(peak[c.location], c.intensity);
    double per_day = 0;
    for (std::size_t i = 0; i < peak.size(); ++i) {
      if (!(peak[i] > 0)) continue;
      double n = s.displaced_per_conflict_day * peak[i];
      if (s.spawn_mode == FleeSpawnMode::kPopRatio) n *= static_cast<double>(world.start_state[i].population);
      per_day += n;
    }
    spawned = per_day * world.days;
  }

  FleeAgentBound bound;
  bound.agents = initial + spawned;
  bound.largest = spawned > initial ? spawn_source : FleeAgentSource::kInitialPopulation;
  return bound;
}

}  // namespace exodus
