#include "exodus/world/scenario_hazard.h"

#include <algorithm>
#include <cmath>

namespace exodus {

double decision_hazard(const Scenario& s, const LeaverKind& kind, std::size_t region, bool eligible, std::int32_t day,
                       double event_scale) {
  const auto& p = s.parameters;
  double h = p.base_hazard;
  if (day >= s.shock_day) h += kind.shock_hazard * std::exp(-(day - s.shock_day) / kind.shock_decay_days);
  h *= s.regions[region].hazard_multiplier * event_scale;
  if (!eligible) h *= p.other_hazard_ratio;
  return std::clamp(h, 0.0, 1.0);
}

HazardEventScales::HazardEventScales(const Scenario& s) : regions_(s.regions.size()) {
  const auto days = static_cast<std::size_t>(std::max(s.days, 0));
  scale_.assign(days * regions_, 1.0);
  // Only hazard events, in the events' order (sorted by day): each day walks those begun.
  std::vector<const Event*> hazard;
  for (const auto& e : s.events)
    if (e.kind == EventKind::kHazardScale) hazard.push_back(&e);
  std::vector<double> own(regions_);
  for (std::size_t day = 0; day < days; ++day) {
    const auto d = static_cast<std::int32_t>(day);
    double all = 1;
    std::fill(own.begin(), own.end(), 1.0);
    for (const Event* e : hazard) {
      if (e->day > d) break;
      if (e->end_day >= 0 && d > e->end_day) continue;
      if (e->index < 0) all *= e->value;
      else own[static_cast<std::size_t>(e->index)] *= e->value;
    }
    for (std::size_t r = 0; r < regions_; ++r) scale_[day * regions_ + r] = all * own[r];
  }
}

LeaverForecast forecast_leavers(const Scenario& s) {
  LeaverForecast out;
  out.largest_expected = -1;
  const HazardEventScales scales(s);
  const auto kinds = leaver_kinds_of(s);
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    double leavers = 0;
    for (const auto& kind : kinds) {
      // log Π(1 − h), summed in logs so that a long run of small hazards keeps its precision.
      double log_stay_eligible = 0, log_stay_other = 0;
      for (std::int32_t day = 0; day < s.days; ++day) {
        const double scale = scales.at(r, day);
        log_stay_eligible += std::log1p(-std::min(decision_hazard(s, kind, r, true, day, scale), 1.0 - 1e-16));
        log_stay_other += std::log1p(-std::min(decision_hazard(s, kind, r, false, day, scale), 1.0 - 1e-16));
      }
      leavers += kind.share * (s.regions[r].eligible_pool * -std::expm1(log_stay_eligible) +
                               s.regions[r].other_pool * -std::expm1(log_stay_other));
    }
    out.expected += leavers;
    if (leavers > out.largest_expected) {
      out.largest_expected = leavers;
      out.largest_region = r;
    }
  }
  return out;
}

}  // namespace exodus
