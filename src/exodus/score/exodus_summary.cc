#include "exodus/score/exodus_summary.h"

#include <algorithm>

namespace exodus {

namespace {

Peak peak_of(const DailySeries* s) {
  Peak p;
  if (!s) return p;
  for (std::size_t d = 0; d < s->values.size(); ++d)
    if (s->values[d] > p.value) p = {s->values[d], d};
  return p;
}

// Σ over days of the day's sum over every place of a kind (per day first, as the totals that
// readers compare with add up the day's places).
double sum_over_places(const SeriesTable& t, PlaceKind kind, std::size_t places, const char* metric, std::size_t days) {
  double total = 0;
  for (std::size_t d = 0; d < days; ++d) {
    double day = 0;
    for (std::size_t k = 0; k < places; ++k) day += t.at(kind, k, metric, d);
    total += day;
  }
  return total;
}

}  // namespace

ExodusRunSummary summarize_exodus_run(const Scenario& s, const SeriesTable& t) {
  ExodusRunSummary out;
  out.days = t.days();
  if (out.days == 0) return out;
  const std::size_t last = out.days - 1;
  const auto shock = static_cast<std::size_t>(std::max(0, s.shock_day));
  const auto after_shock_end = [&](int after) { return std::min(last, shock + static_cast<std::size_t>(after) - 1); };
  constexpr auto kTotal = PlaceKind::kTotal;
  constexpr auto kDest = PlaceKind::kDestination;
  constexpr auto kCheck = PlaceKind::kCheckpoint;

  out.departures = t.sum(kTotal, 0, "departures", 0, last);
  out.gave_up = t.sum(kTotal, 0, "gave_up", 0, last);
  out.onward = sum_over_places(t, kDest, s.destinations.size(), "onward", out.days);
  out.returns = sum_over_places(t, kDest, s.destinations.size(), "returns", out.days);
  for (std::size_t i = 0; i < kDaysAfterShock.size(); ++i)
    out.departures_after_shock[i] = t.sum(kTotal, 0, "departures", shock, after_shock_end(kDaysAfterShock[i]));
  for (Date d = s.start_date; d - s.start_date <= static_cast<std::int32_t>(last); d = d + 1)
    if (d.is_month_end())
      out.departures_by_month_end.emplace_back(d, t.sum(kTotal, 0, "departures", 0, static_cast<std::size_t>(d - s.start_date)));

  const auto kinds = leaver_kinds_of(s);
  for (std::size_t k = 0; k < kinds.size(); ++k)
    out.kinds.push_back({kinds[k].name, kinds[k].rests_on, t.sum(PlaceKind::kLeaverKind, k, "deciders", 0, last),
                         t.sum(PlaceKind::kLeaverKind, k, "departures", 0, last)});
  for (std::size_t k = 0; k < s.destinations.size(); ++k) {
    DestinationSummary d;
    d.name = s.destinations[k].name;
    d.entries = t.sum(kDest, k, "entries", 0, last);
    d.entries_leavers = t.sum(kDest, k, "entries_leavers", 0, last);
    d.onward = t.sum(kDest, k, "onward", 0, last);
    d.returns = t.sum(kDest, k, "returns", 0, last);
    d.onward_in = t.sum(kDest, k, "onward_in", 0, last);
    d.exits = t.sum(kDest, k, "exits", 0, last);
    d.net_arrivals = t.sum(kDest, k, "net_arrivals", 0, last);
    d.stock_at_end = t.at(kDest, k, "stock", last);
    for (std::size_t i = 0; i < kDaysAfterShock.size(); ++i)
      d.leavers_after_shock[i] = t.sum(kDest, k, "entries_leavers", shock, after_shock_end(kDaysAfterShock[i]));
    out.destinations.push_back(d);
  }
  for (std::size_t c = 0; c < s.checkpoints.size(); ++c) {
    CheckpointSummary p;
    p.name = s.checkpoints[c].name;
    p.processed = t.sum(kCheck, c, "processed", 0, last);
    p.refused = t.sum(kCheck, c, "refused", 0, last);
    p.turned_away = t.sum(kCheck, c, "turned_away", 0, last);
    p.queue_vehicles = peak_of(t.find(kCheck, c, "queue_vehicles"));
    p.queue_km = peak_of(t.find(kCheck, c, "queue_km"));
    p.wait_hours = peak_of(t.find(kCheck, c, "wait_hours"));
    p.wait_median_on_peak = t.at(kCheck, c, "wait_median_hours", p.wait_hours.day);
    p.capacity_on_peak = t.at(kCheck, c, "capacity", p.wait_hours.day);
    out.checkpoints.push_back(p);
  }
  return out;
}

}  // namespace exodus
