#include "exodus/page/run_page.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <optional>
#include <tuple>

#include "exodus/core/csv_table.h"
#include "exodus/core/date.h"
#include "exodus/core/parse.h"
#include "exodus/core/text_source.h"
#include "exodus/page/band_chart.h"
#include "exodus/page/daily_csv_reader.h"
#include "exodus/page/figures_chart.h"
#include "exodus/page/flow_map.h"
#include "exodus/page/daily_rows.h"
#include "exodus/page/json_file.h"
#include "exodus/page/reports_fit_reader.h"
#include "exodus/world/places.h"

namespace exodus {

namespace {

using Json = nlohmann::json;

// A palette that stays distinguishable in print (Okabe & Ito 2008, with greys for the rest).
const char* const kColours[] = {"#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9",
                                "#F0E442", "#000000", "#8c564b", "#7f7f7f", "#bcbd22", "#17becf"};
std::string colour(std::size_t i) { return kColours[i % std::size(kColours)]; }

// A run's daily series (daily.csv read back) and their dates.
struct RunSeries {
  SeriesTable table;
  std::vector<std::string> dates;
  explicit RunSeries(SeriesTable t) : table(std::move(t)), dates(table.dates()) {}
  const std::vector<double>* find(PlaceKind kind, const std::string& place, const std::string& metric) const {
    const DailySeries* s = find_series(table, kind, place, metric);
    return s ? &s->values : nullptr;
  }
  std::vector<std::string> places(PlaceKind kind, const std::string& metric) const {
    std::vector<std::string> out;
    for (const auto& s : table.series())
      if (s.kind == kind && s.metric == metric) out.push_back(s.place);
    return out;
  }
};


Json line(const std::string& label, const std::vector<double>& values, const std::string& colour_of, bool fill = false,
          const std::string& stack = "") {
  Json d = {{"label", label}, {"data", values}, {"borderColor", colour_of}, {"backgroundColor", colour_of + (fill ? "99" : "")},
            {"pointRadius", 0}, {"borderWidth", 1.5}, {"fill", fill}};
  if (!stack.empty()) d["stack"] = stack;
  return d;
}

// Places of a kind ranked by a metric's total, largest first, at most `most`.
std::vector<std::string> largest(const RunSeries& d, PlaceKind kind, const std::string& metric, std::size_t most) {
  std::vector<std::pair<double, std::string>> ranked;
  for (const auto& place : d.places(kind, metric)) {
    const auto* v = d.find(kind, place, metric);
    const double total = std::accumulate(v->begin(), v->end(), 0.0);
    const double peak = *std::max_element(v->begin(), v->end());
    if (peak > 0) ranked.emplace_back(total + peak, place);
  }
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < ranked.size() && i < most; ++i) out.push_back(ranked[i].second);
  return out;
}

// A published figure as a daily series over its window (null elsewhere): the run's own ratio
// of its daily values to its counterpart of the figure turns a window's total into a daily
// mean, and leaves a figure per day or a peak as it is. A figure published as a range brings
// two more series, its ends, the band between them shaded. The tooltip names the source and
// the day it was published. Appends them to `datasets`; false when the window is not in the run.
bool add_figure_overlay(Json& datasets, const FittedFigure& r, const RunSeries& d, const std::vector<double>& daily, bool level) {
  const auto first = std::find(d.dates.begin(), d.dates.end(), r.first), last = std::find(d.dates.begin(), d.dates.end(), r.last);
  if (first == d.dates.end() || last == d.dates.end() || last < first) return false;
  const auto a = static_cast<std::size_t>(first - d.dates.begin()), b = static_cast<std::size_t>(last - d.dates.begin());
  double per_day = r.observed;
  if (!level) {
    double mean = 0;
    for (std::size_t i = a; i <= b; ++i) mean += daily[i];
    mean /= static_cast<double>(b - a + 1);
    per_day = r.compared && r.expected > 0 ? r.observed * mean / r.expected : r.observed / static_cast<double>(b - a + 1);
  }
  const auto over_window = [&](double value) {
    Json values = Json::array();
    for (std::size_t i = 0; i < d.dates.size(); ++i) values.push_back(i >= a && i <= b ? Json(value) : Json(nullptr));
    return values;
  };
  const std::string c = figure_kind_colour(r.kind);
  const std::string source = (r.reported_by.empty() ? r.file : r.reported_by) +
                             (r.reported_on.empty() ? std::string() : ", published " + r.reported_on);
  datasets.push_back({{"label", fmt::format("{} ({}, {}: {} over {} to {})", r.id, r.kind, source, r.observed, r.first, r.last)},
                  {"data", over_window(per_day)}, {"borderColor", c}, {"backgroundColor", c}, {"borderWidth", 3},
                  {"pointRadius", 3}, {"spanGaps", false}, {"fill", false}, {"stack", "figure " + r.id}});
  if (r.low && r.high && r.observed > 0) {
    // Each end in a stack of its own, so that a stacked chart does not add them up; its days
    // marked by a cap, as an error bar's, so that a one-day figure shows its range too.
    const double scale = per_day / r.observed;
    datasets.push_back({{"label", fmt::format("{}: low end of the published range, {}", r.id, *r.low)},
                    {"data", over_window(*r.low * scale)}, {"borderColor", c}, {"borderWidth", 1}, {"pointRadius", 7}, {"pointStyle", "dash"},
                    {"spanGaps", false}, {"fill", false}, {"stack", "figure " + r.id + " low"}});
    datasets.push_back({{"label", fmt::format("{}: high end of the published range, {}", r.id, *r.high)},
                    {"data", over_window(*r.high * scale)}, {"borderColor", c}, {"backgroundColor", c + "33"}, {"borderWidth", 1},
                    {"pointRadius", 7}, {"pointStyle", "dash"}, {"spanGaps", false}, {"fill", "-1"}, {"stack", "figure " + r.id + " high"}});
  }
  return true;
}

}  // namespace

Page run_page(const OutputFolder& folder) {
  const RunSeries d(read_daily_csv(folder.require("daily.csv")));
  const JsonInput manifest = read_json(folder.require("manifest.json")), summary = read_json(folder.require("summary.json"));
  const auto reports = read_reports_fit(folder.read("reports_fit.csv"), manifest.text("shock_date"));
  Page page;
  const std::string scenario = manifest.text("scenario", "a scenario");
  page.title = fmt::format("exodus run: {}", scenario);
  page.header = {{"scenario", scenario + " (" + manifest.text("folder") + ")"},
                 {"dates", manifest.text("start_date") + " to " + manifest.text("end_date") +
                               ", shock " + manifest.text("shock_date")},
                 {"seed", manifest.shown("seed")},
                 {"version", manifest.text("exodus_version")},
                 {"command", manifest.text("command")},
                 {"wall time", summary.has("wall_seconds") ? fmt::format("{:.2f} s", summary.number("wall_seconds", 0)) : "?"}};
  for (auto& line : input_hash_lines(manifest)) page.header.push_back(std::move(line));

  const std::string flows = "Flows", borders = "Borders", against = "Published figures against the run";
  const Json labels = d.dates;
  // The map first: an overview of the whole run (folders from before runs wrote places.csv have none).
  if (const auto places = folder.read("places.csv"))
    if (PageChart c = flow_map_chart(d.table, read_places_csv(*places), "Map"); !c.title.empty())
      page.charts.push_back(std::move(c));
  // Departures.
  if (const auto* dep = d.find(PlaceKind::kTotal, kAllPlaces, "departures")) {
    std::vector<double> cumulative(dep->size());
    std::partial_sum(dep->begin(), dep->end(), cumulative.begin());
    page.charts.push_back({flows, "Departures: leavers entering any destination, cumulative (persons)",
                           "Counted from the scenario's start. Simulated: one run, so no interval (an ensemble, exodus run "
                           "--members N --prior, or a calibration gives one).",
                           "departures",
                           {{"type", "line"},
                            {"data", {{"labels", labels}, {"datasets", {line("departures, cumulative", cumulative, colour(0))}}}},
                            {"options", time_chart_options("persons")}}});
  }
  // Entries into each destination: leavers and ordinary travellers stacked, figures over them.
  for (const auto& place : largest(d, PlaceKind::kDestination, "entries_leavers", 16)) {
    const auto* leavers = d.find(PlaceKind::kDestination, place, "entries_leavers");
    const auto* all = d.find(PlaceKind::kDestination, place, "entries");
    Json datasets = {line("leavers", *leavers, colour(0), true, "run")};
    if (all) {
      std::vector<double> ordinary(all->size());
      for (std::size_t i = 0; i < all->size(); ++i) ordinary[i] = std::max(0.0, (*all)[i] - (*leavers)[i]);
      datasets.push_back(line("ordinary travellers", ordinary, colour(9), true, "run"));
    }
    std::size_t figures = 0;
    for (const auto& r : reports)
      if (r.metric == "entries" && r.place == place && all)
        figures += add_figure_overlay(datasets, r, d, *all, false);
    page.charts.push_back(
        {flows, fmt::format("Entries into {} per day (persons a day)", place),
         fmt::format("Simulated leavers and the ordinary travellers a border count also sees, stacked. {} published "
                     "figure(s) drawn over their windows as a mean per day (black: counts, orange: estimates, pink: "
                     "claims; a published range shaded between its ends); hover for source, publication date and window.",
                     figures),
         "entries-" + place,
         {{"type", "line"}, {"data", {{"labels", labels}, {"datasets", datasets}}}, {"options", time_chart_options("persons a day", true)}}});
  }
  for (const auto& [metric, title, unit] :
       {std::tuple{"stock", "Leavers present in each destination (persons)", "persons"},
        std::tuple{"exits", "Exits from each destination per day, all travellers (persons a day)", "persons a day"}}) {
    Json datasets = Json::array();
    std::size_t i = 0;
    for (const auto& place : largest(d, PlaceKind::kDestination, metric, 10)) datasets.push_back(line(place, *d.find(PlaceKind::kDestination, place, metric), colour(i++)));
    if (!datasets.empty())
      page.charts.push_back({flows, title, "Simulated; the ten largest destinations.", std::string("destinations-") + metric,
                             {{"type", "line"}, {"data", {{"labels", labels}, {"datasets", datasets}}}, {"options", time_chart_options(unit)}}});
  }
  // Borders: each checkpoint's queue, wait and capacity, with reported queues and waits.
  for (const auto& [metric, title, unit, level] :
       {std::tuple{"queue_vehicles", "Queue at each checkpoint at the end of the day (vehicles)", "vehicles", true},
        std::tuple{"queue_km", "Queue at each checkpoint as road length (km)", "km", true},
        std::tuple{"wait_hours", "Longest wait of anyone served at each checkpoint (hours)", "hours", true},
        std::tuple{"entries", "Travellers admitted at each checkpoint per day, leavers and ordinary (persons a day)", "persons a day", false},
        std::tuple{"capacity", "Capacity of each checkpoint after events (persons a day)", "persons a day", true}}) {
    Json datasets = Json::array();
    std::size_t i = 0, figures = 0;
    for (const auto& place : largest(d, PlaceKind::kCheckpoint, metric, 10)) {
      const auto* v = d.find(PlaceKind::kCheckpoint, place, metric);
      datasets.push_back(line(place, *v, colour(i++)));
      for (const auto& r : reports)
        if (r.metric == metric && r.place == place)
          figures += add_figure_overlay(datasets, r, d, *v, level);
    }
    if (!datasets.empty())
      page.charts.push_back({borders, title,
                             fmt::format("Simulated; the ten checkpoints with the most. {} published figure(s) drawn over "
                                         "their windows.",
                                         figures),
                             std::string("checkpoints-") + metric,
                             {{"type", "line"}, {"data", {{"labels", labels}, {"datasets", datasets}}},
                              {"options", time_chart_options(unit)}}});
  }
  // Every compared report against the run's predictive 90% interval, those that miss first.
  std::vector<FigureAgainstInterval> figures;
  for (const auto& r : reports)
    if (r.compared) figures.push_back({r.id, r.metric, r.place, r.kind, r.observed, r.lo90, r.hi90, r.tail});
  if (PageChart c = figures_chart(std::move(figures), against, "the run"); !c.title.empty()) page.charts.push_back(std::move(c));
  return page;
}

}  // namespace exodus
