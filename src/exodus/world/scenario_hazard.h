#pragma once
// The decision hazard of an exodus scenario, in one place: the rule set draws leavers with it,
// and the reader uses it to foresee how many agents a scenario will create before running it.
#include <cstdint>
#include <vector>

#include "exodus/world/scenario.h"

namespace exodus {

// The daily chance that a person of `kind` and `region` who has not left decides to leave on
// `day`: (base + the kind's shock × e^(−days since the shock / its decay)) × the region's
// multiplier × `event_scale` (the product of the hazard_scale events acting that day),
// × other_hazard_ratio for those not eligible; clamped to [0, 1].
double decision_hazard(const Scenario& s, const LeaverKind& kind, std::size_t region, bool eligible, std::int32_t day,
                       double event_scale);

// The product of the hazard_scale events acting on each region, day by day: the events for
// ALL multiplied in file order, times those for the region alone in file order. Tabled once
// (days x regions), in one pass over the events per day, so that an events file costs
// events x days rather than events x regions x days.
class HazardEventScales {
 public:
  explicit HazardEventScales(const Scenario& s);
  double at(std::size_t region, std::int32_t day) const {
    return scale_[static_cast<std::size_t>(day) * regions_ + region];
  }

 private:
  std::size_t regions_ = 0;
  std::vector<double> scale_;  // [day * regions + region]
};

struct LeaverForecast {
  double expected = 0;            // people expected to decide to leave over the whole run
  std::size_t largest_region = 0; // the region contributing most
  double largest_expected = 0;    // and how many it contributes
};

// Expected leavers: each kind's share of each pool × (1 − Π over days of (1 − hazard)). Every
// leaver is an agent.
LeaverForecast forecast_leavers(const Scenario& s);

// Bytes of agent state per leaver, with the headroom of a growing array.
inline constexpr double kExodusBytesPerAgent = 2 * (6 * 1 + 2 + 4 + 2 + 4);

}  // namespace exodus
