#include "exodus/score/targets.h"

#include "exodus/observe/run_expectation.h"
#include "exodus/world/places.h"

namespace exodus {

std::vector<TargetResult> evaluate_targets(const Scenario& s, const SeriesTable& record) {
  const PlaceCatalog places = catalog_of(s);
  std::vector<TargetResult> out;
  for (const auto& t : s.targets) {
    // A window outside the run simulates to nothing, and so fails unless its range allows 0.
    const double v = expected_in_run(t.report, places, s.shock_date, record).value;
    out.push_back({&t, v, v >= t.low && v <= t.high, t.window_end < s.shock_date});
  }
  return out;
}

}  // namespace exodus
