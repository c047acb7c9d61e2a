#include "exodus/page/figures_chart.h"
#include "exodus/page/daily_rows.h"

#include <fmt/format.h>

#include <algorithm>

#include "exodus/core/text_source.h"
#include "exodus/page/reports_fit_reader.h"

namespace exodus {

std::string figure_kind_colour(const std::string& kind) {
  if (kind == "count") return "#000000";
  if (kind == "estimate") return "#D55E00";
  if (kind == "claim") return "#CC79A7";
  return "#7f7f7f";
}

std::vector<FigureAgainstInterval> figures_of_reports_fit(const std::optional<TextFile>& file) {
  std::vector<FigureAgainstInterval> figures;
  for (const auto& f : read_reports_fit(file, ""))
    if (f.compared) figures.push_back({f.id, f.metric, f.place, f.kind, f.observed, f.lo90, f.hi90, f.tail});
  return figures;
}

PageChart figures_chart(std::vector<FigureAgainstInterval> figures, const std::string& section, const std::string& of_what) {
  if (figures.empty()) return {};
  std::stable_sort(figures.begin(), figures.end(), [](const auto& a, const auto& b) {
    return std::min(a.tail, 1 - a.tail) < std::min(b.tail, 1 - b.tail);
  });
  nlohmann::json ids = nlohmann::json::array(), bars = nlohmann::json::array(), observed = nlohmann::json::array(),
                 colours = nlohmann::json::array();
  // A log axis cannot show 0: such values sit at a thousandth, the axis's floor.
  const auto shown = [](double v) { return std::max(v, 1e-3); };
  for (const auto& f : figures) {
    ids.push_back(fmt::format("{} ({} {})", f.id, f.metric, f.place));
    bars.push_back({shown(f.lo90), shown(f.hi90)});
    observed.push_back(shown(f.observed));
    colours.push_back(figure_kind_colour(f.kind));
  }
  return {section,
          fmt::format("Each published figure against {}'s predictive 90% interval (log scale)", of_what),
          "Bars: where the figure would fall 90% of the time, its own errors included; dots: the published figure, "
          "coloured by kind (black counts, orange estimates, pink claims). The figures that fit worst come first.",
          "reports-fit",
          {{"type", "bar"},
           {"data",
            {{"labels", ids},
             {"datasets",
              {{{"type", "line"}, {"showLine", false}, {"label", "published"}, {"data", observed},
                {"backgroundColor", colours}, {"borderColor", colours}, {"pointRadius", 4}},
               {{"label", "predictive 90%"}, {"data", bars}, {"backgroundColor", "#56B4E966"}}}}}},
           {"options",
            {{"scales",
              {{"x", {{"ticks", {{"autoSkip", false}, {"maxRotation", 90}, {"minRotation", 60}}}}},
               {"y", {{"type", "logarithmic"}, {"title", {{"display", true}, {"text", "the figure's own unit"}}}}}}}}}},
          440};
}

}  // namespace exodus
