#pragma once
// The totals a planner asks of a population of runs first: departures to each month's end, and
// each destination's leavers in the first 30 and 60 days from the shock, with intervals. Both
// the calibration and the ensemble print and write them.
#include <string>
#include <vector>

#include "exodus/core/date.h"
#include "exodus/core/interval.h"
#include "exodus/infer/posterior_runs.h"
#include "exodus/world/scenario.h"

namespace exodus {

struct ForecastTotal {
  std::string label;  // e.g. "departures to 2022-10-31"
  std::string metric, place;
  PlaceKind kind = PlaceKind::kTotal;  // the series summed: its kind and its place's row
  std::size_t index = 0;
  Date first, last;
  Interval interval;
};

// `scenario`: the one the members ran (its days and destinations).
std::vector<ForecastTotal> key_totals(const PosteriorRuns& runs, const Scenario& scenario);

}  // namespace exodus
