#include "exodus/sim/daily_chance.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <stdexcept>

namespace exodus {

double daily_hazard(double p) {
  if (p >= 1) return std::numeric_limits<double>::infinity();
  if (p <= 0) return 0;
  return -std::log1p(-p);
}

std::int32_t first_day_at_constant_hazard(std::int32_t from, double hazard, double exponential,
                                          std::int32_t horizon) {
  if (from + 1 >= horizon || !(hazard > 0)) return horizon;
  if (hazard == std::numeric_limits<double>::infinity()) return from + 1;
  // Days without it, compared before any cast: the quotient may be far beyond an int.
  const double idle = std::floor(exponential / hazard);
  if (idle < static_cast<double>(horizon - from - 1)) return from + 1 + static_cast<std::int32_t>(idle);
  return horizon;
}

DailyChance::DailyChance(double p) { stretches_.push_back({0, p, daily_hazard(p)}); }

void DailyChance::add_stretch(std::int32_t first, double p) {
  if (first < stretches_.back().first) throw std::invalid_argument("DailyChance: stretches out of day order");
  if (first == stretches_.back().first)
    stretches_.back() = {first, p, daily_hazard(p)};
  else
    stretches_.push_back({first, p, daily_hazard(p)});
}

std::vector<DailyChance::Stretch>::const_iterator DailyChance::stretch_of(std::int32_t day) const {
  return std::prev(std::upper_bound(stretches_.begin(), stretches_.end(), day,
                                    [](std::int32_t d, const Stretch& s) { return d < s.first; }));
}

double DailyChance::on(std::int32_t day) const { return stretch_of(day)->p; }

std::int32_t DailyChance::first_day_after(std::int32_t from, double exponential, std::int32_t horizon) const {
  std::int32_t day = from + 1;  // the first day the chance may come up
  auto s = stretch_of(day);
  double left = exponential;  // the hazard still to be met
  while (day < horizon) {
    const auto next = std::next(s);
    const std::int32_t end = next == stretches_.end() ? horizon : std::min(horizon, next->first);
    if (s->hazard == std::numeric_limits<double>::infinity()) return day;
    if (s->hazard > 0) {
      // Days without a move in this stretch: ⌊left / hazard⌋, compared before any cast.
      const double idle = std::floor(left / s->hazard);
      if (idle < static_cast<double>(end - day)) return day + static_cast<std::int32_t>(idle);
      left = std::max(0.0, left - s->hazard * static_cast<double>(end - day));
    }
    if (next == stretches_.end()) break;
    day = end;
    s = next;
  }
  return horizon;
}

}  // namespace exodus
