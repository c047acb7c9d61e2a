#include "exodus/page/flee_page.h"
#include "exodus/page/band_chart.h"
#include "exodus/page/json_file.h"

#include <fmt/format.h>

#include <algorithm>

#include "exodus/core/date.h"
#include "exodus/core/text_source.h"
#include "exodus/score/flee_out_csv_reader.h"
#include "exodus/score/flee_score.h"

namespace exodus {

namespace {

using Json = nlohmann::json;

Json series(const std::string& label, Json data, const std::string& colour, bool dashed) {
  Json d = {{"label", label}, {"data", std::move(data)}, {"borderColor", colour}, {"backgroundColor", colour},
            {"pointRadius", 0}, {"borderWidth", 1.5}, {"fill", false}};
  if (dashed) d["borderDash"] = {5, 4};
  return d;
}

}  // namespace

Page flee_page(const OutputFolder& folder) {
  const CampTable t = read_flee_out_csv(folder.require("out.csv"), folder.limits.max_days);
  const JsonInput manifest = read_json(folder.require("manifest.json"));
  // Flee dates day d as StartDate + d + 1 (docs/outputs.md).
  const auto start = Date::parse(manifest.text("start_date"));
  Json labels = Json::array();
  for (std::size_t d = 0; d < t.days(); ++d)
    labels.push_back(start ? (*start + static_cast<std::int32_t>(d) + 1).iso() : std::to_string(d));
  const FleeScore score = score_flee(t);
  Page page;
  const std::string name = manifest.text("case", "a Flee case");
  page.title = fmt::format("exodus run (Flee rule set): {}", name);
  page.header = {{"case", name},
                 {"days", std::to_string(t.days())},
                 {"seed", manifest.shown("seed")},
                 {"version", manifest.text("exodus_version")},
                 {"command", manifest.text("command")},
                 {"settings", manifest.text("settings_origin")},
                 {"validation error", fmt::format("ARD {:.4f} (rescaled {:.4f}), as Flee computes it", score.ard, score.ard_rescaled)}};
  for (auto& line : input_hash_lines(manifest)) page.header.push_back(std::move(line));

  const auto column = [&](auto value) {
    Json v = Json::array();
    for (std::size_t d = 0; d < t.days(); ++d) v.push_back(value(d));
    return v;
  };
  page.charts.push_back({"Camps", "Refugees in all camps (persons)",
                         "Simulated (solid) against the case's data (dashed), summed over the camps with data.", "camps-total",
                         {{"type", "line"},
                          {"data",
                           {{"labels", labels},
                            {"datasets",
                             {series("simulated", column([&](std::size_t d) { return t.sim_in_camps[d]; }), "#0072B2", false),
                              series("data", column([&](std::size_t d) { return t.data_in_camps[d]; }), "#000000", true)}}}},
                          {"options", time_chart_options("persons")}}});
  page.charts.push_back({"Camps", "Validation error per day",
                         "Flee's E(t): the camps' absolute differences over the data's total; rescaled: the simulation scaled "
                         "to the data's total first. The ARD is their mean over days.",
                         "error",
                         {{"type", "line"},
                          {"data",
                           {{"labels", labels},
                            {"datasets",
                             {series("E(t)", score.error, "#D55E00", false),
                              series("E(t), rescaled", score.error_rescaled, "#009E73", true)}}}},
                          {"options", time_chart_options("share of the data's total")}}});
  // Each camp, the largest by their data's peak first.
  std::vector<std::pair<std::int64_t, std::size_t>> camps;
  for (std::size_t c = 0; c < t.camps.size(); ++c) {
    std::int64_t peak = 0;
    for (std::size_t d = 0; d < t.days(); ++d) peak = std::max({peak, t.data[d][c], t.sim[d][c]});
    camps.emplace_back(peak, c);
  }
  std::stable_sort(camps.begin(), camps.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = 0; i < camps.size() && i < 24; ++i) {
    const std::size_t c = camps[i].second;
    page.charts.push_back({"Each camp", fmt::format("{} (persons)", t.camps[c]),
                           "Simulated (solid) against the camp's data (dashed).", "camp-" + t.camps[c],
                           {{"type", "line"},
                            {"data",
                             {{"labels", labels},
                              {"datasets",
                               {series("simulated", column([&](std::size_t d) { return t.sim[d][c]; }), "#0072B2", false),
                                series("data", column([&](std::size_t d) { return t.data[d][c]; }), "#000000", true)}}}},
                            {"options", time_chart_options("persons")}}});
  }
  return page;
}

}  // namespace exodus
