#include "exodus/infer/time_knots.h"

#include <algorithm>
#include <stdexcept>

namespace exodus {

TimeKnots::TimeKnots(std::int32_t days, std::int32_t anchor, std::int32_t step, std::int32_t dense_from,
                     std::int32_t dense_to)
    : days_(days) {
  if (days < 1 || step < 1) throw std::invalid_argument("TimeKnots: days and step must be positive");
  std::vector<bool> knot(static_cast<std::size_t>(days), false);
  knot.front() = knot.back() = true;
  // Every step days from the anchor, in both directions.
  const std::int32_t first = ((anchor % step) + step) % step;
  for (std::int32_t t = first; t < days; t += step)
    if (t >= 0) knot[static_cast<std::size_t>(t)] = true;
  for (std::int32_t t = std::max(0, dense_from); t <= std::min(days - 1, dense_to); ++t) knot[static_cast<std::size_t>(t)] = true;
  for (std::int32_t t = 0; t < days; ++t)
    if (knot[static_cast<std::size_t>(t)]) knot_days_.push_back(t);
  left_.resize(static_cast<std::size_t>(days));
  weight_.resize(static_cast<std::size_t>(days));
  std::size_t j = 0;
  for (std::int32_t t = 0; t < days; ++t) {
    while (j + 1 < knot_days_.size() && knot_days_[j + 1] <= t) ++j;
    if (j + 1 == knot_days_.size()) {
      // The last day: its own knot, expressed as the right end of the last interval when
      // there is one, so left(t) + 1 is always a valid knot.
      left_[static_cast<std::size_t>(t)] = j == 0 ? 0 : j - 1;
      weight_[static_cast<std::size_t>(t)] = j == 0 ? 0.0 : 1.0;
      continue;
    }
    left_[static_cast<std::size_t>(t)] = j;
    weight_[static_cast<std::size_t>(t)] =
        static_cast<double>(t - knot_days_[j]) / static_cast<double>(knot_days_[j + 1] - knot_days_[j]);
  }
}

}  // namespace exodus
