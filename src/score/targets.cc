#include "score/targets.h"

#include <algorithm>

namespace exodus {

namespace {
// Destinations a place names: one destination, a group, or ALL.
std::vector<std::size_t> destinations_of(const Scenario& s, const std::string& place) {
  std::vector<std::size_t> out;
  for (std::size_t d = 0; d < s.destinations.size(); ++d) {
    const auto& g = s.destinations[d].groups;
    if (place == "ALL" || s.destinations[d].name == place || std::find(g.begin(), g.end(), place) != g.end())
      out.push_back(d);
  }
  return out;
}
int checkpoint_of(const Scenario& s, const std::string& place) {
  for (std::size_t c = 0; c < s.checkpoints.size(); ++c)
    if (s.checkpoints[c].name == place) return static_cast<int>(c);
  return -1;
}
}  // namespace

double simulated_value(const Scenario& s, const SeriesTable& record, const Target& t) {
  const auto first = std::max(0, t.window_start - s.start_date);
  const auto last = std::min(static_cast<int>(record.days()) - 1, t.window_end - s.start_date);
  double sum = 0, peak = 0;
  const int n = std::max(0, last - first + 1);
  const int c = checkpoint_of(s, t.place);
  const auto cp = static_cast<std::size_t>(std::max(c, 0));
  for (int day = first; day <= last; ++day) {
    const auto d = static_cast<std::size_t>(day);
    if (t.metric == "entries" || t.metric == "entries_per_day") {
      for (auto k : destinations_of(s, t.place)) sum += record.at(PlaceKind::kDestination, k, "entries", d);
    } else if (t.metric == "departures") {
      if (t.place == "ALL") sum += record.at(PlaceKind::kTotal, 0, "departures", d);
      else for (auto k : destinations_of(s, t.place)) sum += record.at(PlaceKind::kDestination, k, "entries_leavers", d);
    } else if (c >= 0 && t.metric == "queue_vehicles") {
      peak = std::max(peak, record.at(PlaceKind::kCheckpoint, cp, "queue_vehicles", d));
    } else if (c >= 0 && t.metric == "wait_hours") {
      peak = std::max(peak, record.at(PlaceKind::kCheckpoint, cp, "wait_max_hours", d));
    } else if (c >= 0 && t.metric == "processed") {
      sum += record.at(PlaceKind::kCheckpoint, cp, "processed", d);
    }
  }
  if (t.metric == "entries_per_day") return n > 0 ? sum / n : 0;
  if (t.metric == "queue_vehicles" || t.metric == "wait_hours") return peak;
  return sum;
}

std::vector<TargetResult> evaluate_targets(const Scenario& s, const SeriesTable& record) {
  std::vector<TargetResult> out;
  for (const auto& t : s.targets) {
    const double v = simulated_value(s, record, t);
    out.push_back({&t, v, v >= t.low && v <= t.high});
  }
  return out;
}

}  // namespace exodus
