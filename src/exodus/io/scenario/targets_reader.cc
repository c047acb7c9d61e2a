// targets.csv (optional): published figures a run is held against, as ranges.
#include "exodus/io/scenario/scenario_tables.h"

#include <fmt/format.h>

#include <map>

#include "exodus/core/suggest.h"
#include "exodus/world/places.h"

namespace exodus::scenario_io {

void Reader::targets() {
  auto file = read_optional("targets.csv");
  if (!file) return;
  CsvTable t(*file, {"id", "metric", "place", "window_start", "window_end", "value", "low", "high"},
             {"source", "note"}, errors);
  // Each target metric as a report's metric, and whether its place is a checkpoint.
  struct TargetMetric {
    ReportMetric metric;
    bool at_checkpoint;
    const char* unit;
    const char* counts;  // what the figure counts, as the run table says it
  };
  static const std::map<std::string, TargetMetric> kMetrics = {
      {"entries", {ReportMetric::kEntries, false, "", "entries, all travellers"}},
      {"entries_per_day", {ReportMetric::kEntries, false, "persons_per_day", "entries a day, all travellers"}},
      {"departures", {ReportMetric::kDepartures, false, "", "departures, leavers"}},
      {"processed", {ReportMetric::kEntries, true, "", "crossings, all travellers"}},
      {"queue_vehicles", {ReportMetric::kQueueVehicles, true, "vehicles", "vehicles queued, peak day"}},
      {"queue_km", {ReportMetric::kQueueKm, true, "km", "queue km, peak day"}},
      {"wait_hours", {ReportMetric::kWaitHours, true, "hours", "longest wait (h), peak day"}}};
  const PlaceCatalog places = catalog_of(s);
  for (const auto& r : t.rows()) {
    Target g;
    g.line = r.line;
    g.id = name(t, r, "id");
    g.metric = name(t, r, "metric");
    const auto metric = kMetrics.find(g.metric);
    if (!g.metric.empty() && metric == kMetrics.end()) {
      std::vector<std::string> metrics;
      for (const auto& known : kMetrics) metrics.push_back(known.first);
      errors.add(t.pos(r, "metric"), fmt::format("unknown metric '{}'{}; the metrics are {}", g.metric,
                                                 did_you_mean(g.metric, metrics), one_of(metrics)));
    }
    g.place = name(t, r, "place");
    const auto checkpoint = checkpoint_named(places, g.place);
    const bool destination = unknown_places(places, {g.place}).empty();
    if (!destination && !checkpoint && !g.place.empty())
      errors.add(t.pos(r, "place"), fmt::format("unknown place '{}' (a destination, a group, a checkpoint or ALL)", g.place));
    else if (metric != kMetrics.end() && !g.place.empty() && metric->second.at_checkpoint && !checkpoint)
      errors.add(t.pos(r, "place"), fmt::format("metric {} is measured at a checkpoint; '{}' is not one", g.metric, g.place));
    else if (metric != kMetrics.end() && !g.place.empty() && !metric->second.at_checkpoint && !destination)
      errors.add(t.pos(r, "place"), fmt::format("metric {} is measured in destinations (a destination, a group or ALL); "
                                                "'{}' is a checkpoint (use processed)", g.metric, g.place));
    if (metric != kMetrics.end()) {
      g.report.metric = metric->second.metric;
      g.report.unit = metric->second.unit;
      g.counts = metric->second.counts;
      if (metric->second.at_checkpoint && checkpoint) {
        g.report.checkpoint = g.place;
        // (Its destination may be missing when destinations.csv had errors.)
        const auto dest = s.checkpoints[*checkpoint].destination;
        if (dest < s.destinations.size()) g.report.destinations = {s.destinations[dest].name};
      } else {
        g.report.destinations = {g.place};
      }
    }
    const auto a = date(t, r, "window_start");
    const auto b = date(t, r, "window_end");
    if (a) g.window_start = *a;
    if (b) g.window_end = *b;
    if (a && b && *b < *a) errors.add(t.pos(r, "window_end"), "is before window_start");
    else if (a && b && window_known && (*b < s.start_date || *a > s.end_date))
      errors.add(t.pos(r, *b < s.start_date ? "window_end" : "window_start"),
                 fmt::format("the window {} to {} lies outside the simulated days ({} to {}): the run cannot be "
                             "held against it",
                             a->iso(), b->iso(), s.start_date.iso(), s.end_date.iso()));
    g.value = number(t, r, "value", 0, 1e12);
    g.low = number(t, r, "low", 0, 1e12);
    g.high = number(t, r, "high", 0, 1e12);
    if (g.low > g.high) errors.add(t.pos(r, "high"), "is below low");
    g.source = t.cell(r, "source");
    g.report.line = g.line;
    g.report.id = g.id;
    g.report.window_start = g.window_start;
    g.report.window_end = g.window_end;
    g.report.value = g.value;
    g.report.kind = ReportKind::kCount;
    g.report.quote = g.source;
    s.targets.push_back(g);
  }
}

}  // namespace exodus::scenario_io
