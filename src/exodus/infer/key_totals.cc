#include "exodus/infer/key_totals.h"

#include <algorithm>

#include <fmt/format.h>

namespace exodus {

std::vector<ForecastTotal> key_totals(const PosteriorRuns& runs, const Scenario& s) {
  std::vector<ForecastTotal> out;
  const Date start = s.start_date;
  for (Date d = start; d <= s.end_date; d = d + 1)
    if (d.is_month_end() || d == s.end_date) {
      ForecastTotal t{"departures to " + d.iso(), "departures", kAllPlaces, PlaceKind::kTotal, 0, start, d, {}};
      t.interval = total_interval(runs, PlaceKind::kTotal, 0, "departures", 0, static_cast<std::size_t>(d - start));
      out.push_back(t);
    }
  if (s.shock_date > s.end_date) return out;
  for (const int days : {30, 60})
    for (std::size_t k = 0; k < s.destinations.size(); ++k) {
      const Date last = std::min(s.end_date, s.shock_date + (days - 1));
      ForecastTotal t{fmt::format("leavers entering {} in {} days from the shock", s.destinations[k].name, days),
                      "entries_leavers", s.destinations[k].name, PlaceKind::kDestination, k, s.shock_date, last, {}};
      t.interval = total_interval(runs, PlaceKind::kDestination, k, "entries_leavers",
                                  static_cast<std::size_t>(s.shock_date - start), static_cast<std::size_t>(last - start));
      out.push_back(t);
    }
  return out;
}

}  // namespace exodus
