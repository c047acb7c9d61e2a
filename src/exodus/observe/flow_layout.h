#pragma once
// The frame in which true flows are estimated: corridors (destinations), days, the shock day,
// and how leavers move on or return after arriving, so that entries, exits, net arrivals and
// stock are all functions of the same daily departures.
#include <cstdint>
#include <string>
#include <vector>

#include "exodus/core/date.h"

namespace exodus {

struct CorridorInfo {
  std::string name;
  bool named = true;           // false for "other": destinations no report names
  double onward_share = 0.25;  // leavers who move on to a third country
  double onward_days = 10;     // mean days before moving on
  double return_share = 0.35;  // leavers who go home
  double return_days = 45;     // mean days before going home
  double ordinary_per_day = 0; // > 0: known ordinary daily traffic (e.g. from a scenario's baselines)
  double capacity_per_day = 0; // > 0: persons a day its crossings and flights can take beyond ordinary traffic
};

struct FlowLayout {
  Date start;
  std::int32_t days = 0;
  std::int32_t shock_day = 0;  // index of the shock date
  std::vector<CorridorInfo> corridors;
  std::size_t corridor_count() const { return corridors.size(); }
  std::int32_t day_of(Date d) const { return d - start; }
};

// Daily leavers leaving a corridor's destination again (onward or home) for departures D.
// exits[t] = Σ_{s<t} D[s] k(t - s), k the mixture of the two geometric delays.
std::vector<double> exits_of(const CorridorInfo& c, const std::vector<double>& departures);

}  // namespace exodus
