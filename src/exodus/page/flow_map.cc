#include "exodus/page/flow_map.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <utility>

#include "exodus/page/daily_csv_reader.h"

namespace exodus {

namespace {

using Json = nlohmann::json;

// The three ways leavers move, as the map draws them (the Okabe & Ito palette of the other charts).
struct Mode {
  const char* label;
  const char* colour;
  bool dashed;
};
constexpr Mode kRoad{"by road: leavers setting off from a region for a checkpoint", "#0072B2", false};
constexpr Mode kCrossing{"crossing: leavers admitted at a checkpoint into its destination", "#D55E00", false};
constexpr Mode kFlight{"by air: leavers flying from a region to a destination", "#009E73", true};

struct Position {
  double x = 0, y = 0;  // longitude, latitude
};

// Places by kind and name, those with a position only.
class Positions {
 public:
  explicit Positions(const std::vector<MapPlace>& places) {
    for (const auto& p : places)
      if (p.latitude && p.longitude) at_[{p.kind, p.name}] = {*p.longitude, *p.latitude};
  }
  std::optional<Position> find(const std::string& kind, const std::string& name) const {
    const auto it = at_.find({kind, name});
    if (it == at_.end()) return std::nullopt;
    return it->second;
  }
  std::size_t size() const { return at_.size(); }

 private:
  std::map<std::pair<std::string, std::string>, Position> at_;
};

// "Region -> Place", as daily.csv names a road or a flight.
std::optional<std::pair<std::string, std::string>> ends_of(const std::string& place) {
  const auto arrow = place.find(" -> ");
  if (arrow == std::string::npos) return std::nullopt;
  return std::pair{place.substr(0, arrow), place.substr(arrow + 4)};
}

// Persons are whole: rounding keeps the page small without changing what it shows.
Json rounded(const std::vector<double>& values) {
  Json out = Json::array();
  for (const double v : values) out.push_back(std::max(0.0, std::round(v)));
  return out;
}

struct Link {
  std::string name;
  Position from, to;
  const Mode* mode;
  std::vector<double> values;
};

// Every corridor with a position at both ends that carried anyone on some day.
std::vector<Link> links_of(const SeriesTable& run, const std::vector<MapPlace>& places, const Positions& at) {
  std::vector<Link> out;
  const auto carried = [](const std::vector<double>& v) { return std::any_of(v.begin(), v.end(), [](double x) { return x >= 0.5; }); };
  for (const auto& s : run.series()) {
    const bool road = s.kind == PlaceKind::kRoad && s.metric == "set_off", flight = s.kind == PlaceKind::kFlight && s.metric == "flown";
    if (!(road || flight) || !carried(s.values)) continue;
    const auto ends = ends_of(s.place);
    if (!ends) continue;
    const auto from = at.find("region", ends->first), to = at.find(road ? "checkpoint" : "destination", ends->second);
    if (from && to) out.push_back({s.place, *from, *to, road ? &kRoad : &kFlight, s.values});
  }
  for (const auto& p : places) {
    if (p.kind != "checkpoint" || p.leads_to.empty()) continue;
    const DailySeries* served = find_series(run, PlaceKind::kCheckpoint, p.name, "processed_leavers");
    const DailySeries* refused = find_series(run, PlaceKind::kCheckpoint, p.name, "refused");
    const auto from = at.find("checkpoint", p.name), to = at.find("destination", p.leads_to);
    if (!served || !from || !to) continue;
    std::vector<double> admitted = served->values;
    if (refused)
      for (std::size_t d = 0; d < admitted.size() && d < refused->values.size(); ++d) admitted[d] -= refused->values[d];
    if (carried(admitted)) out.push_back({p.name + " -> " + p.leads_to, *from, *to, &kCrossing, std::move(admitted)});
  }
  return out;
}

// One kind of place as a set of points; `metric` (if any) sizes them by its square root.
struct PointSet {
  Json dataset, sized;
};
PointSet points_of(const SeriesTable& run, const std::vector<MapPlace>& places, const std::string& kind, const std::string& label,
                   const char* colour, PlaceKind series_kind, const char* metric, const char* unit, double base, double scale) {
  Json data = Json::array(), values = Json::array();
  double most = 0;
  for (const auto& p : places) {
    if (p.kind != kind || !p.latitude || !p.longitude) continue;
    data.push_back({{"x", *p.longitude}, {"y", *p.latitude}, {"name", p.name}});
    if (metric) {
      const DailySeries* s = find_series(run, series_kind, p.name, metric);
      const std::vector<double> v = s ? s->values : std::vector<double>(run.days(), 0.0);
      for (const double x : v) most = std::max(most, x);
      values.push_back(rounded(v));
    }
  }
  PointSet out;
  out.dataset = {{"label", label}, {"data", data}, {"borderColor", "#333333"}, {"backgroundColor", std::string(colour) + "cc"},
                 {"pointRadius", base}, {"pointStyle", kind == "checkpoint" ? "rectRot" : "circle"}, {"names", kind != "checkpoint"}};
  if (metric) out.sized = {{"unit", unit}, {"max", most}, {"base", base}, {"scale", scale}, {"values", values}};
  return out;
}

}  // namespace

PageChart flow_map_chart(const SeriesTable& run, const std::vector<MapPlace>& places, const std::string& section) {
  const Positions at(places);
  if (at.size() < 2 || run.days() == 0) return {};
  const std::vector<Link> links = links_of(run, places, at);

  const std::vector<std::string> dates = run.dates();
  // The map opens on the day the most leavers were on the move.
  std::vector<double> moving(run.days(), 0.0);
  double most = 0;
  for (const auto& l : links)
    for (std::size_t d = 0; d < moving.size() && d < l.values.size(); ++d) {
      moving[d] += l.mode == &kCrossing ? 0 : l.values[d];
      most = std::max(most, l.values[d]);
    }
  const auto busiest = static_cast<std::size_t>(std::max_element(moving.begin(), moving.end()) - moving.begin());

  // Datasets: places first (Chart.js draws the first on top), the modes' legend entries, then
  // one line per corridor, hidden from the legend by its '_' label.
  Json datasets = Json::array(), sized = Json::array(), link_specs = Json::array();
  const PointSet sets[] = {
      points_of(run, places, "destination", "destinations (size: leavers present)", "#E69F00", PlaceKind::kDestination, "stock",
                "leavers present", 4, 14),
      points_of(run, places, "checkpoint", "checkpoints (size: queue in vehicles)", "#CC79A7", PlaceKind::kCheckpoint, "queue_vehicles",
                "vehicles queueing", 3, 12),
      points_of(run, places, "region", "regions leavers come from", "#56B4E9", PlaceKind::kTotal, nullptr, "", 5, 0)};
  for (const auto& s : sets) {
    if (s.dataset["data"].empty()) continue;
    if (!s.sized.is_null()) {
      Json spec = s.sized;
      spec["dataset"] = datasets.size();
      sized.push_back(std::move(spec));
    }
    datasets.push_back(s.dataset);
  }
  for (const Mode* m : {&kRoad, &kCrossing, &kFlight}) {
    Json legend = {{"label", m->label}, {"data", Json::array()}, {"borderColor", m->colour}, {"backgroundColor", m->colour}, {"showLine", true}};
    if (m->dashed) legend["borderDash"] = {6, 4};
    datasets.push_back(legend);
  }
  for (const auto& l : links) {
    Json set = {{"label", "_" + l.name},
                {"data", {{{"x", l.from.x}, {"y", l.from.y}, {"name", l.name}}, {{"x", l.to.x}, {"y", l.to.y}, {"name", l.name}}}},
                {"showLine", true}, {"borderColor", l.mode->colour}, {"borderWidth", 1}, {"pointRadius", 0}, {"pointHitRadius", 6}};
    if (l.mode->dashed) set["borderDash"] = {6, 4};
    link_specs.push_back({{"dataset", datasets.size()}, {"name", l.name}, {"colour", l.mode->colour}, {"values", rounded(l.values)}});
    datasets.push_back(std::move(set));
  }

  std::size_t unplaced = 0;
  for (const auto& p : places) unplaced += !(p.latitude && p.longitude);
  PageChart c;
  c.section = section;
  c.title = "Map: where leavers went, on the day you pick (persons a day)";
  c.note = fmt::format(
      "Simulated; one run. Line width: leavers a day on each corridor ({} corridors carried anyone; the widest is {} a day). "
      "Positions from the scenario's tables (regions.csv, checkpoints.csv, destinations.csv){}. Move the slider to pick a day; "
      "hover for names and numbers.",
      links.size(), static_cast<long long>(std::round(most)),
      unplaced ? fmt::format("; {} place(s) without a position are left off", unplaced) : std::string());
  c.file = "map";
  c.height = 620;
  c.config = {{"type", "scatter"},
              {"data", {{"datasets", datasets}}},
              {"options",
               {{"layout", {{"padding", {{"right", 80}}}}},  // room for the easternmost name
                {"plugins", {{"title", {{"display", true}, {"text", "Flows on " + dates[busiest]}}}, {"legend", {{"position", "bottom"}}}}},
                {"scales",
                 {{"x", {{"type", "linear"}, {"title", {{"display", true}, {"text", "longitude (degrees east)"}}}}},
                  {"y", {{"type", "linear"}, {"title", {{"display", true}, {"text", "latitude (degrees north)"}}}}}}}}}};
  c.map = {{"dates", dates}, {"day", busiest}, {"max_flow", most}, {"flow_unit", "leavers a day"}, {"links", link_specs}, {"sized", sized}};
  return c;
}

}  // namespace exodus
