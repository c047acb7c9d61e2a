#include "exodus/report/estimate_report.h"

#include <fmt/format.h>

#include <algorithm>

#include "exodus/core/text_source.h"
#include "exodus/report/band_chart.h"
#include "exodus/report/figures_chart.h"
#include "exodus/report/forecast_csv_reader.h"
#include "exodus/report/json_file.h"

namespace exodus {

ReportPage estimate_report(const std::filesystem::path& folder) {
  using Json = nlohmann::json;
  const BandTable t = read_estimate_daily_csv(read_text_file(folder / "daily.csv"));
  const Json manifest = read_json_file(folder / "manifest.json"), summary = read_json_file(folder / "summary.json");
  const std::string covered = summary.value("reports_cover_to", std::string());
  const DayMarker marker{covered, covered.empty() ? "" : "last report " + covered + ": extrapolated after"};
  const std::string extrapolation = summary.value("after_the_reports", std::string());
  ReportPage page;
  page.title = fmt::format("exodus estimate: shock {}", summary.value("shock", std::string()));
  page.header = {{"command", manifest.value("command", std::string())},
                 {"seed", manifest.contains("seed") ? manifest["seed"].dump() : "?"},
                 {"version", manifest.value("exodus_version", std::string())},
                 {"window", summary.value("start", std::string()) + " to " + (t.dates.empty() ? "" : t.dates.back())},
                 {"wall time", summary.contains("seconds") ? fmt::format("{:.1f} s", summary["seconds"].get<double>()) : "?"},
                 {"diagnostics", summary.value("trustworthy", false) ? "passed" : "FAILED: read the intervals with care"},
                 {"after the reports", extrapolation}};
  for (auto& line : input_hash_lines(manifest)) page.header.push_back(std::move(line));
  const std::string note = "Posterior: median, 50% and 90% intervals of the flows the reports imply. Shaded: after the "
                           "last report, where the flows rest on the model's assumptions, not on reports.";
  if (const auto* all = t.find("corridor", "ALL", "departures"))
    page.charts.push_back({"Flows", "Departures per day, all corridors (persons a day)", note, "departures",
                           band_chart_config(t.dates, *all, "persons a day", marker)});
  if (summary.contains("totals") && summary["totals"].is_array() && !summary["totals"].empty())
    page.charts.push_back({"Flows", "Totals (persons)",
                           "Departures over the first days from the shock, in all corridors and in each: median (dot), 50% "
                           "(dark) and 90% (light) intervals; a total over extrapolated days rests partly on assumptions.",
                           "totals", totals_chart_config(summary["totals"], "persons"), height_for_rows(summary["totals"].size())});
  if (const auto* stock = t.find("corridor", "ALL", "stock"))
    page.charts.push_back({"Flows", "Leavers present abroad, all corridors (persons)", note, "stock",
                           band_chart_config(t.dates, *stock, "persons", marker)});
  for (const BandSeries* s :
       largest_bands(t, [](const BandSeries& b) { return b.metric == "departures" && b.place != "ALL"; }, t.series.size()))
    page.charts.push_back({"Each corridor", fmt::format("Departures into {} per day (persons a day)", s->place), note,
                           "departures-" + s->place, band_chart_config(t.dates, *s, "persons a day", marker)});
  if (ReportChart c = figures_chart(figures_of_reports_fit(folder / "reports_fit.csv"), "Published figures", "the estimate");
      !c.title.empty())
    page.charts.push_back(std::move(c));
  return page;
}

}  // namespace exodus
