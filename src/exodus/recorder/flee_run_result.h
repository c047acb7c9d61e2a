#pragma once
// The record of one whole run of the Flee rule set: its camp table, event counts and cost.
#include <cstdint>

#include "exodus/recorder/camp_table.h"
#include "exodus/sim/flee/flee_run_stats.h"

namespace exodus {

struct FleeRunResult {
  CampTable table;
  FleeRunStats stats;
  std::int32_t days_run = 0;
  bool interrupted = false;
  double wall_seconds = 0;
  std::int64_t agent_days = 0;  // Σ over days of agents present: the work done
  std::size_t final_agents = 0;
};

}  // namespace exodus
