#include "exodus/observe/report_weights.h"

#include "exodus/observe/report_coverage.h"
#include "exodus/world/places.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace exodus {

std::vector<std::size_t> corridors_named(const FlowLayout& layout, const Report& r) {
  PlaceCatalog corridors;
  for (const auto& c : layout.corridors) corridors.destinations.push_back(c.name);
  return destinations_named(corridors, r.destinations);
}

ReportWeights weights_for(const FlowLayout& layout, const Report& r) {
  ReportWeights out;
  const std::size_t K = layout.corridor_count();
  const auto T = static_cast<std::size_t>(layout.days);
  if (is_queue_or_wait(r.metric)) {
    out.why_unused = "queues and waits depend on capacities, not on flows alone (use the simulation)";
    return out;
  }
  const ReportDays days = report_days(r, layout.start, layout.shock_day);
  if (days.last < 0 || days.first >= layout.days) {
    out.why_unused = "its window lies outside the estimation period";
    return out;
  }
  // A figure over days the estimate does not cover would be compared with part of itself.
  if (days.first < 0 || days.last >= layout.days) {
    out.why_unused = fmt::format("its days ({} to {}) are not all inside the estimate's ({} to {})",
                                 (layout.start + days.first).iso(), (layout.start + days.last).iso(), layout.start.iso(),
                                 (layout.start + (layout.days - 1)).iso());
    return out;
  }
  // Exits, net arrivals and stock depend on every leaver since the shock: not known when the
  // estimate starts after it.
  const bool needs_all_leavers = r.metric == ReportMetric::kExits || r.metric == ReportMetric::kNetArrivals ||
                                 r.metric == ReportMetric::kStock;
  if (needs_all_leavers && layout.shock_day < 0) {
    out.why_unused = fmt::format("a figure of {} depends on every leaver since the shock ({}), and the estimate starts later ({})",
                                 to_string(r.metric), (layout.start + layout.shock_day).iso(), layout.start.iso());
    return out;
  }
  const auto a = static_cast<std::size_t>(days.clipped_first());
  const auto b = static_cast<std::size_t>(days.clipped_last(layout.days));
  out.w.assign(K, std::vector<double>(T, 0.0));
  out.c.assign(K, 0.0);
  const double window_days = static_cast<double>(b - a + 1);
  for (const auto k : corridors_named(layout, r)) {
    const auto& cor = layout.corridors[k];
    const double h_on = 1.0 / cor.onward_days, h_ret = 1.0 / cor.return_days;
    // Share of a departure on day s that has left again by the end of day t (t >= s).
    const auto gone_by = [&](std::size_t s, std::size_t t) {
      const double n = static_cast<double>(t - s);
      return cor.onward_share * (1 - std::pow(1 - h_on, n)) + cor.return_share * (1 - std::pow(1 - h_ret, n));
    };
    // Share of a departure on day s that leaves again during days [a, b].
    const auto leaves_in_window = [&](std::size_t s) {
      if (s > b) return 0.0;
      return gone_by(s, b) - (s < a ? gone_by(s, a - 1) : 0.0);
    };
    switch (r.metric) {
      case ReportMetric::kDepartures:
        for (std::size_t t = a; t <= b; ++t) out.w[k][t] = 1;
        break;
      case ReportMetric::kEntries:
        for (std::size_t t = a; t <= b; ++t) out.w[k][t] = 1;
        out.c[k] = window_days;  // ordinary travellers are counted too
        break;
      case ReportMetric::kExits:
        for (std::size_t s = 0; s <= b; ++s) out.w[k][s] = leaves_in_window(s);
        out.c[k] = window_days;  // ordinary travellers leave as they came
        break;
      case ReportMetric::kNetArrivals:
        for (std::size_t s = 0; s <= b; ++s) out.w[k][s] = (s >= a ? 1.0 : 0.0) - leaves_in_window(s);
        out.signed_metric = true;
        break;
      case ReportMetric::kStock:
        for (std::size_t s = 0; s <= b; ++s) out.w[k][s] = 1.0 - gone_by(s, b);
        break;
      default:
        break;
    }
  }
  if (is_daily_mean(r)) {  // the figure is the mean over its days
    for (auto& wk : out.w)
      for (auto& x : wk) x /= window_days;
    for (auto& x : out.c) x /= window_days;
  }
  if (corridors_named(layout, r).empty()) {
    out.why_unused = "names no corridor of the estimate";
    return out;
  }
  out.used = true;
  return out;
}

double expected_value(const ReportWeights& w, const std::vector<std::vector<double>>& departures,
                      const std::vector<double>& ordinary) {
  double e = 0;
  for (std::size_t k = 0; k < w.w.size(); ++k) {
    const auto& wk = w.w[k];
    for (std::size_t t = 0; t < wk.size(); ++t)
      if (wk[t] != 0) e += wk[t] * departures[k][t];
    e += w.c[k] * ordinary[k];
  }
  return e;
}

}  // namespace exodus
