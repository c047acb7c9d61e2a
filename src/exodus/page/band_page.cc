#include "exodus/page/band_page.h"

#include <fmt/format.h>

#include <algorithm>

#include "exodus/core/text_source.h"
#include "exodus/page/band_chart.h"
#include "exodus/page/figures_chart.h"
#include "exodus/page/forecast_csv_reader.h"
#include "exodus/page/json_file.h"
#include "exodus/world/places.h"

namespace exodus {

namespace {

using Json = nlohmann::json;

std::string discrepancy_words(const std::string& d) {
  if (d == "fitted") return "the model's discrepancy fitted to the reports";
  if (d == "prior") return "the model's discrepancy drawn from its prior (no report fitted this metric)";
  if (d == "none") return "no model discrepancy: the runs' randomness only";
  return "";
}

}  // namespace

Page band_page(const OutputFolder& folder) {
  const BandTable t = read_forecast_csv(folder.require("forecast.csv"));
  const JsonInput manifest = read_json(folder.require("manifest.json")), summary = read_json(folder.require("summary.json"));
  const bool calibration = manifest.text("verb") == "calibrate";
  const std::string as_of = calibration ? summary.text("as_of") : std::string();
  const std::string scenario = manifest.text("scenario", "a scenario");
  const DayMarker marker{as_of, as_of.empty() ? "" : "as of " + as_of + ": forecast after"};
  Page page;
  page.title = calibration ? fmt::format("exodus calibrate: {}{}", scenario, as_of.empty() ? "" : ", as of " + as_of)
                           : fmt::format("exodus run --members: {} ({})", scenario, manifest.text("ensemble"));
  page.header = {{"scenario", scenario + " (" + manifest.text("folder") + ")"},
                 {"seed", manifest.shown("seed")},
                 {"members", manifest.shown("members")},
                 {"version", manifest.text("exodus_version")},
                 {"command", manifest.text("command")},
                 {"wall time", summary.has("seconds") ? fmt::format("{:.1f} s", summary.number("seconds", 0)) : "?"},
                 {"intervals include", summary.text("intervals_include")}};
  if (calibration)
    page.header.emplace_back("sampler", fmt::format("{} simulations, {}", summary.number("simulations", 0),
                                                     summary.flag("reached_posterior", false) ? "reached the posterior"
                                                                                               : "did NOT reach the posterior"));
  for (auto& line : input_hash_lines(manifest)) page.header.push_back(std::move(line));

  const std::string flows = calibration ? "Forecast flows" : "Flows", borders = "Borders";
  const std::string basis = calibration ? "Posterior predictive" : "Over the members";
  if (const auto* dep = t.find("total", kAllPlaces, "departures"))
    page.charts.push_back({flows, "Departures per day: leavers entering any destination (persons a day)",
                           fmt::format("{}: median, 50% and 90% intervals; {}.{}", basis, discrepancy_words(dep->discrepancy),
                                       as_of.empty() ? "" : " Shaded: after the as-of date, a forecast."),
                           "departures", band_chart_config(t.dates, *dep, "persons a day", marker)});
  // Key totals: each a 90% and a 50% interval with its median.
  if (const auto totals = summary.objects("totals"); !totals.empty())
    page.charts.push_back(
        {flows, "Key totals (persons)",
         "Departures to each month's end from the scenario's start, and the leavers entering each destination in the "
         "first 30 and 60 days from the shock: median (dot), 50% (dark) and 90% (light) intervals.",
         "key-totals", totals_chart_config(totals, "persons"), height_for_rows(totals.size())});
  // Entries into the destinations leavers go to most, each with its band.
  for (const BandSeries* leavers :
       largest_bands(t, [](const BandSeries& s) { return s.kind == "destination" && s.metric == "entries_leavers"; }, 8)) {
    const std::string& place = leavers->place;
    const BandSeries* entries = t.find("destination", place, "entries");
    if (!entries) continue;
    page.charts.push_back({flows, fmt::format("Entries into {} per day, all travellers (persons a day)", place),
                           fmt::format("{}: leavers and the ordinary travellers a border count sees; {}.", basis,
                                       discrepancy_words(entries->discrepancy)),
                           "entries-" + place, band_chart_config(t.dates, *entries, "persons a day", marker)});
  }
  // The busiest checkpoints' queues.
  for (const BandSeries* queue :
       largest_bands(t, [](const BandSeries& s) { return s.kind == "checkpoint" && s.metric == "queue_vehicles"; }, 4))
    page.charts.push_back({borders, fmt::format("Queue at {} at the end of the day (vehicles)", queue->place),
                           fmt::format("{}; {}.", basis, discrepancy_words(queue->discrepancy)),
                           "queue-" + queue->place, band_chart_config(t.dates, *queue, "vehicles", marker)});
  // A calibration's parameters: where the posterior's 90% interval lies within the prior's.
  if (calibration && summary.has("parameters")) {
    Json labels = Json::array(), prior = Json::array(), posterior = Json::array();
    for (const auto& p : summary.objects("parameters")) {
      const JsonInput prior_interval = p.object("prior").object("interval"), posterior_interval = p.object("posterior");
      if (!prior_interval.has("90%") || !posterior_interval.has("90%")) continue;
      const auto [plo, phi] = prior_interval.interval("90%");
      const auto [qlo, qhi] = posterior_interval.interval("90%");
      if (!(phi > plo)) continue;
      labels.push_back(fmt::format("{}: prior {:.3g} to {:.3g}, posterior {:.3g} to {:.3g}", p.text("parameter"),
                                   plo, phi, qlo, qhi));
      prior.push_back({0.0, 1.0});
      posterior.push_back({(qlo - plo) / (phi - plo), (qhi - plo) / (phi - plo)});
    }
    page.charts.push_back(
        {"Parameters", "Each parameter's posterior 90% interval within its prior's",
         "On a scale where the prior's 90% interval runs from 0 to 1: a short bar is a parameter the reports pinned "
         "down, a bar as long as the prior's one they did not inform. The labels give the values.",
         "parameters",
         {{"type", "bar"},
          {"data",
           {{"labels", labels},
            {"datasets",
             {{{"label", "prior 90%"}, {"data", prior}, {"backgroundColor", "#7f7f7f44"}, {"grouped", false}},
              {{"label", "posterior 90%"}, {"data", posterior}, {"backgroundColor", "#0072B2AA"}, {"grouped", false}}}}}},
          {"options",
           {{"indexAxis", "y"},
            {"scales",
             {{"x", {{"title", {{"display", true}, {"text", "position within the prior's 90% interval"}}}}},
              {"y", {{"ticks", {{"autoSkip", false}}}}}}}}}},
         height_for_rows(labels.size())});
  }
  // Every fitted or predicted figure against its predictive interval.
  if (PageChart c = figures_chart(figures_of_reports_fit(folder.read("reports_fit.csv")), "Published figures",
                                    calibration ? "the calibration" : "the ensemble");
      !c.title.empty())
    page.charts.push_back(std::move(c));
  return page;
}

}  // namespace exodus
