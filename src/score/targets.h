#pragma once
// Scenario targets (targets.csv): a simulated figure over a date window against the observed
// one, and whether it falls in the accepted range.
#include <string>
#include <vector>

#include "recorder/series_table.h"
#include "world/scenario.h"

namespace exodus {

struct TargetResult {
  const Target* target = nullptr;
  double simulated = 0;
  bool pass = false;
};

// The simulated value of one target's metric over its window, from the daily records.
double simulated_value(const Scenario& s, const SeriesTable& record, const Target& t);
std::vector<TargetResult> evaluate_targets(const Scenario& s, const SeriesTable& record);

}  // namespace exodus
