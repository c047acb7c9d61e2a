#include "exodus/world/scenario_hazard.h"

#include <algorithm>
#include <cmath>

namespace exodus {

double decision_hazard(const Scenario& s, std::size_t region, bool eligible, std::int32_t day, double event_scale) {
  const auto& p = s.parameters;
  double h = p.base_hazard;
  if (day >= s.shock_day) h += p.shock_hazard * std::exp(-(day - s.shock_day) / p.shock_decay_days);
  h *= s.regions[region].hazard_multiplier * event_scale;
  if (!eligible) h *= p.other_hazard_ratio;
  return std::clamp(h, 0.0, 1.0);
}

double hazard_event_scale(const Scenario& s, std::size_t region, std::int32_t day) {
  double scale = 1;
  for (const auto& e : s.events) {
    if (e.day > day) break;  // sorted by day
    if (e.kind != EventKind::kHazardScale || (e.end_day >= 0 && day > e.end_day)) continue;
    if (e.index < 0 || static_cast<std::size_t>(e.index) == region) scale *= e.value;
  }
  return scale;
}

LeaverForecast forecast_leavers(const Scenario& s) {
  LeaverForecast out;
  out.largest_expected = -1;
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    // log Π(1 − h), summed in logs so that a long run of small hazards keeps its precision.
    double log_stay_eligible = 0, log_stay_other = 0;
    for (std::int32_t day = 0; day < s.days; ++day) {
      const double scale = hazard_event_scale(s, r, day);
      log_stay_eligible += std::log1p(-std::min(decision_hazard(s, r, true, day, scale), 1.0 - 1e-16));
      log_stay_other += std::log1p(-std::min(decision_hazard(s, r, false, day, scale), 1.0 - 1e-16));
    }
    const double leavers = s.regions[r].eligible_pool * -std::expm1(log_stay_eligible) +
                           s.regions[r].other_pool * -std::expm1(log_stay_other);
    out.expected += leavers;
    if (leavers > out.largest_expected) {
      out.largest_expected = leavers;
      out.largest_region = r;
    }
  }
  return out;
}

}  // namespace exodus
