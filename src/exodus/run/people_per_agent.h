#pragma once
// Agents that stand for several people, to make a calibration's members cheap: the scenario is
// run at 1/k of its size (every count of people, vehicles and seats divided by k: the pools,
// capacities, ordinary traffic, seats and approach limits), and the run's counts are multiplied
// back by k. Shares, hazards, prices, speeds and waits do not change: a queue of 1/k the vehicles
// at 1/k the capacity is the same wait. What it costs is noise: k times fewer agents draw their
// choices, so a run's counts scatter about √k times more (bench/people-per-agent measures what
// that does to the likelihood).
#include "exodus/recorder/series_table.h"
#include "exodus/world/scenario.h"

namespace exodus {

// The scenario at 1/k of its size (k >= 1; k = 1 returns it unchanged).
Scenario scaled_to_agents(const Scenario& scenario, double people_per_agent);
// A run of that scenario, its counts multiplied back by k (waits, prices unchanged).
void scale_counts_back(SeriesTable& series, double people_per_agent);

}  // namespace exodus
