#pragma once
// Flee's validation measures (FLEE_RULES.md §4), exactly as its tools compute them.
//   E(t)  = Σ_c |sim_c − data_c| / max(Σ_c data_c, 1); ARD = mean over days of E(t)
//   rescaled: sim_c ← int(sim_c · Σ data / Σ sim) first (0 when Σ sim is 0)
//   Total error(t) = Σ_c |sim_c − data_c| / raw_count(t), 0 when raw_count is 0
#include <cstdint>
#include <vector>

#include "exodus/recorder/camp_table.h"

namespace exodus {

struct FleeScore {
  std::vector<double> error;           // E(t)
  std::vector<double> error_rescaled;  // E(t) after rescaling
  std::vector<double> total_error;     // out.csv's Total error column
  double ard = 0, ard_rescaled = 0, mean_total_error = 0;
};

// Scores the first `days` days (all when days is 0 or more than the table has).
FleeScore score_flee(const CampTable& table, std::size_t days = 0);

double flee_total_error(const CampTable& table, std::size_t day);

}  // namespace exodus
