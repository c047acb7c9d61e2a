#include "exodus/page/estimate_page.h"

#include <fmt/format.h>

#include <algorithm>

#include "exodus/core/text_source.h"
#include "exodus/page/band_chart.h"
#include "exodus/page/figures_chart.h"
#include "exodus/page/forecast_csv_reader.h"
#include "exodus/page/json_file.h"
#include "exodus/world/places.h"

namespace exodus {

Page estimate_page(const OutputFolder& folder) {
  const BandTable t = read_estimate_daily_csv(folder.require("daily.csv"));
  const JsonInput manifest = read_json(folder.require("manifest.json")), summary = read_json(folder.require("summary.json"));
  const std::string covered = summary.text("reports_cover_to");
  const DayMarker marker{covered, covered.empty() ? "" : "last report " + covered + ": extrapolated after"};
  const std::string extrapolation = summary.text("after_the_reports");
  Page page;
  page.title = fmt::format("exodus estimate: shock {}", summary.text("shock"));
  page.header = {{"command", manifest.text("command")},
                 {"seed", manifest.shown("seed")},
                 {"version", manifest.text("exodus_version")},
                 {"window", summary.text("start") + " to " + (t.dates.empty() ? "" : t.dates.back())},
                 {"wall time", summary.has("seconds") ? fmt::format("{:.1f} s", summary.number("seconds", 0)) : "?"},
                 {"diagnostics", summary.flag("trustworthy", false) ? "passed" : "FAILED: read the intervals with care"},
                 {"after the reports", extrapolation}};
  for (auto& line : input_hash_lines(manifest)) page.header.push_back(std::move(line));
  const std::string note = "Posterior: median, 50% and 90% intervals of the flows the reports imply. Shaded: after the "
                           "last report, where the flows rest on the model's assumptions, not on reports.";
  if (const auto* all = t.find("corridor", kAllPlaces, "departures"))
    page.charts.push_back({"Flows", "Departures per day, all corridors (persons a day)", note, "departures",
                           band_chart_config(t.dates, *all, "persons a day", marker)});
  if (const auto totals = summary.objects("totals"); !totals.empty())
    page.charts.push_back({"Flows", "Totals (persons)",
                           "Departures over the first days from the shock, in all corridors and in each: median (dot), 50% "
                           "(dark) and 90% (light) intervals; a total over extrapolated days rests partly on assumptions.",
                           "totals", totals_chart_config(totals, "persons"), height_for_rows(totals.size())});
  if (const auto* stock = t.find("corridor", kAllPlaces, "stock"))
    page.charts.push_back({"Flows", "Leavers present abroad, all corridors (persons)", note, "stock",
                           band_chart_config(t.dates, *stock, "persons", marker)});
  for (const BandSeries* s :
       largest_bands(t, [](const BandSeries& b) { return b.metric == "departures" && b.place != kAllPlaces; }, t.series.size()))
    page.charts.push_back({"Each corridor", fmt::format("Departures into {} per day (persons a day)", s->place), note,
                           "departures-" + s->place, band_chart_config(t.dates, *s, "persons a day", marker)});
  if (PageChart c = figures_chart(figures_of_reports_fit(folder.read("reports_fit.csv")), "Published figures", "the estimate");
      !c.title.empty())
    page.charts.push_back(std::move(c));
  return page;
}

}  // namespace exodus
