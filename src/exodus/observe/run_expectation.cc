#include "exodus/observe/run_expectation.h"

#include <algorithm>

#include "exodus/observe/report_coverage.h"

namespace exodus {

namespace {

// Why the run's places cannot give the figure, or nullopt.
std::optional<std::string> places_cannot_say(const Report& r, const PlaceCatalog& places) {
  const auto checkpoint = r.checkpoint.empty() ? std::nullopt : checkpoint_named(places, r.checkpoint);
  if (!r.checkpoint.empty() && !checkpoint) return "names a checkpoint the scenario does not have";
  const bool at_checkpoint = is_queue_or_wait(r.metric);
  if (at_checkpoint && !checkpoint) return "a queue or wait needs a checkpoint";
  if (!at_checkpoint && !checkpoint && destinations_named(places, r.destinations).empty())
    return "names no destination of the scenario";
  if (checkpoint && r.metric != ReportMetric::kEntries && !at_checkpoint)
    return "the run counts only entries, queues and waits at a checkpoint";
  return std::nullopt;
}

// Why the run's days cannot give the figure, or nullopt. A figure over days the run lacks
// cannot be compared with the run's part of them (a year-to-date total is not the run's three
// weeks of it).
std::optional<std::string> days_cannot_say(const ReportDays& window, std::int32_t days) {
  if (!window.overlaps(days)) return "its window lies outside the run";
  if (!window.inside(days)) return "its window reaches outside the run";
  return std::nullopt;
}

}  // namespace

std::optional<std::string> run_cannot_say(const Report& r, const PlaceCatalog& places, Date start, Date shock, std::int32_t days) {
  if (auto why = places_cannot_say(r, places)) return why;
  return days_cannot_say(report_days(r, start, shock - start), days);
}

RunExpectation expected_in_run(const Report& r, const PlaceCatalog& places, Date shock, const SeriesTable& run) {
  RunExpectation out;
  const auto days = static_cast<std::int32_t>(run.days());
  const ReportDays window = report_days(r, run.start(), shock - run.start());
  const std::int32_t first = window.clipped_first(), last = window.clipped_last(days);
  const auto destinations = destinations_named(places, r.destinations);
  const auto checkpoint = r.checkpoint.empty() ? std::nullopt : checkpoint_named(places, r.checkpoint);
  if (auto why = places_cannot_say(r, places)) {
    out.why_not = *why;
    return out;
  }
  const bool at_checkpoint = is_queue_or_wait(r.metric);
  // Outside the run's days the part inside is still computed.
  const auto outside = days_cannot_say(window, days);
  out.ok = !outside;
  out.why_not = outside.value_or("");
  // Sums run day by day, each day's places in order, as the figures the run prints.
  double sum = 0, peak = 0;
  const auto cp = checkpoint.value_or(0);
  for (std::int32_t day = first; day <= last; ++day) {
    const auto d = static_cast<std::size_t>(day);
    switch (r.metric) {
      case ReportMetric::kEntries:
        if (checkpoint) sum += run.at(PlaceKind::kCheckpoint, cp, "entries", d);
        else for (const auto k : destinations) sum += run.at(PlaceKind::kDestination, k, "entries", d);
        break;
      case ReportMetric::kDepartures:
        if (names_all(r.destinations)) sum += run.at(PlaceKind::kTotal, 0, "departures", d);
        else for (const auto k : destinations) sum += run.at(PlaceKind::kDestination, k, "entries_leavers", d);
        break;
      case ReportMetric::kExits:
      case ReportMetric::kNetArrivals:
        for (const auto k : destinations) sum += run.at(PlaceKind::kDestination, k, to_string(r.metric), d);
        break;
      case ReportMetric::kQueuePersons:
      case ReportMetric::kQueueVehicles:
      case ReportMetric::kQueueKm:
      case ReportMetric::kWaitHours:
        // The daily series carry the reports' metric names: queue_km is queue_km, wait_hours
        // the longest wait of the day's crossers.
        peak = std::max(peak, run.at(PlaceKind::kCheckpoint, cp, to_string(r.metric), d));
        break;
      default: break;
    }
  }
  if (r.metric == ReportMetric::kStock) {
    for (const auto k : destinations) sum += run.at(PlaceKind::kDestination, k, "stock", static_cast<std::size_t>(std::max(last, 0)));
  }
  out.value = at_checkpoint ? peak : sum;
  if (is_daily_mean(r)) {
    const int n = std::max(0, last - first + 1);
    out.value = n > 0 ? sum / n : 0;
  }
  return out;
}

}  // namespace exodus
