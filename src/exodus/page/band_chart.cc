#include "exodus/page/band_chart.h"

#include <algorithm>
#include <numeric>

namespace exodus {

namespace {

using Json = nlohmann::json;

// Each interval's upper edge filled down to its lower one (datasets named with a leading '_'
// stay out of the legend), and the median as a line.
Json band_datasets(const BandSeries& s, const std::string& colour) {
  const auto column = [&](double Interval::*field) {
    Json v = Json::array();
    for (const auto& i : s.days) v.push_back(i.*field);
    return v;
  };
  const auto edge = [](const std::string& label, Json data, const std::string& fill_colour, bool filled) {
    return Json{{"label", label}, {"data", std::move(data)}, {"borderWidth", 0}, {"pointRadius", 0},
                {"backgroundColor", fill_colour}, {"fill", filled ? Json("-1") : Json(false)}};
  };
  return {edge("_lo90", column(&Interval::lo90), colour + "33", false), edge("90% interval", column(&Interval::hi90), colour + "33", true),
          edge("_lo50", column(&Interval::lo50), colour + "66", false), edge("50% interval", column(&Interval::hi50), colour + "66", true),
          {{"label", "median"}, {"data", column(&Interval::median)}, {"borderColor", colour}, {"backgroundColor", colour},
           {"borderWidth", 1.5}, {"pointRadius", 0}, {"fill", false}}};
}

}  // namespace

Json time_chart_options(const std::string& unit, bool stacked) {
  return {{"interaction", {{"mode", "index"}, {"intersect", false}}},
          {"plugins", {{"legend", {{"position", "right"}}}}},
          {"scales",
           {{"x", {{"title", {{"display", true}, {"text", "date"}}}, {"ticks", {{"maxTicksLimit", 16}}}}},
            {"y", {{"stacked", stacked}, {"beginAtZero", true}, {"title", {{"display", true}, {"text", unit}}}}}}}};
}

Json band_chart_config(const std::vector<std::string>& dates, const BandSeries& s, const std::string& unit, const DayMarker& marker) {
  Json options = time_chart_options(unit);
  if (!marker.date.empty()) options["plugins"]["asOf"] = {{"date", marker.date}, {"text", marker.text}};
  return {{"type", "line"}, {"data", {{"labels", dates}, {"datasets", band_datasets(s, "#0072B2")}}}, {"options", options}};
}

Json totals_chart_config(const std::vector<JsonInput>& totals, const std::string& unit) {
  Json labels = Json::array(), i90 = Json::array(), i50 = Json::array(), median = Json::array();
  for (const auto& total : totals) {
    if (!total.has("interval")) continue;
    const JsonInput in = total.object("interval");
    if (!in.has("90%") || !in.has("50%")) continue;  // a total nothing measured (written as null)
    labels.push_back(total.text("total"));
    const auto [lo90, hi90] = in.interval("90%");
    const auto [lo50, hi50] = in.interval("50%");
    i90.push_back({lo90, hi90});
    i50.push_back({lo50, hi50});
    median.push_back(in.number("median", 0.0));
  }
  return {{"type", "bar"},
          {"data",
           {{"labels", labels},
            {"datasets",
             {{{"type", "line"}, {"showLine", false}, {"label", "median"}, {"data", median}, {"backgroundColor", "#000"},
               {"borderColor", "#000"}, {"pointRadius", 3}},
              {{"label", "50% interval"}, {"data", i50}, {"backgroundColor", "#0072B2AA"}, {"grouped", false}},
              {{"label", "90% interval"}, {"data", i90}, {"backgroundColor", "#0072B244"}, {"grouped", false}}}}}},
          {"options",
           {{"indexAxis", "y"},
            {"scales",
             {{"x", {{"type", "logarithmic"}, {"title", {{"display", true}, {"text", unit + " (log scale)"}}}}},
              {"y", {{"ticks", {{"autoSkip", false}}}}}}}}}};
}

double median_sum(const BandSeries& s) {
  return std::accumulate(s.days.begin(), s.days.end(), 0.0, [](double a, const Interval& i) { return a + i.median; });
}

std::vector<const BandSeries*> largest_bands(const BandTable& t, const std::function<bool(const BandSeries&)>& keep,
                                             std::size_t most) {
  std::vector<std::pair<double, const BandSeries*>> ranked;
  for (const auto& s : t.series)
    if (keep(s) && median_sum(s) > 0) ranked.emplace_back(median_sum(s), &s);
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<const BandSeries*> out;
  for (std::size_t i = 0; i < ranked.size() && i < most; ++i) out.push_back(ranked[i].second);
  return out;
}

}  // namespace exodus
