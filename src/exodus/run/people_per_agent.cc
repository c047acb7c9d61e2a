#include "exodus/run/people_per_agent.h"

#include <string_view>

namespace exodus {

Scenario scaled_to_agents(const Scenario& scenario, double k) {
  Scenario s = scenario;
  if (k == 1) return s;
  for (auto& r : s.regions) {
    r.eligible_pool /= k;
    r.other_pool /= k;
  }
  for (auto& d : s.destinations) d.baseline_air_per_day /= k;
  for (auto& c : s.checkpoints) {
    c.vehicles_per_day /= k;
    c.baseline_per_day /= k;
  }
  for (auto& f : s.flights) f.seats_per_day /= k;
  for (auto& e : s.events)
    if (e.kind == EventKind::kApproachLimit) e.value /= k;
  return s;
}

void scale_counts_back(SeriesTable& series, double k) {
  if (k == 1) return;
  for (auto& d : series.series()) {
    const std::string_view m = d.metric;
    // Hours and euros are the same at any size; everything else counts people, vehicles or km.
    if (m == "wait_hours" || m == "wait_median_hours" || m == "price") continue;
    for (double& v : d.values) v *= k;
  }
}

}  // namespace exodus
