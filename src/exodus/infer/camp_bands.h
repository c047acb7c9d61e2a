#pragma once
// What a calibrated population of Flee runs says of each camp's population, day by day: every
// member's run with its own discrepancy drawn in by the camp data's error model
// (observe/camp_error.h), the one its likelihood used,
//     population = max(0, exp(log(sim + f) + N(0, σ²)) − f),  f the likelihood's floor,
// the members mixed by their weights, and each day's and camp's median and 50% and 90%
// intervals read as a mixture of members (core/interval.h). The discrepancy is what the
// calibration found the model misses by; without it the runs' own spread is far too narrow
// to hold the camps' later data.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "exodus/core/interval.h"
#include "exodus/observe/camp_error.h"
#include "exodus/recorder/camp_table.h"

namespace exodus {

struct CampBands {
  std::vector<std::string> camps;
  std::vector<std::vector<Interval>> bands;  // [day][camp]
};

// runs[m] (null: the member did not run), weights[m], sd[m]: its discrepancy on the error's
// scale. `draws` draws of the discrepancy a member; the draws are keyed by (seed, day, camp,
// member).
CampBands camp_bands(std::span<const CampTable* const> runs, std::span<const double> weights,
                     std::span<const double> sd, std::uint64_t seed, int draws = 20,
                     const CampError& error = CampError(1));

}  // namespace exodus
