#pragma once
// Scenario targets (targets.csv): a simulated figure over a date window against the observed
// one, and whether it falls in the accepted range. Each target is a report (world/scenario.h),
// simulated by the observation model (observe/run_expectation.h).
#include <string>
#include <vector>

#include "exodus/recorder/series_table.h"
#include "exodus/world/scenario.h"

namespace exodus {

struct TargetResult {
  const Target* target = nullptr;
  double simulated = 0;
  bool pass = false;
  // The window ends before the shock: the run's figure there is the scenario's own ordinary
  // traffic (an input), so the target checks the inputs, not the model.
  bool checks_inputs = false;
};

std::vector<TargetResult> evaluate_targets(const Scenario& s, const SeriesTable& record);

}  // namespace exodus
