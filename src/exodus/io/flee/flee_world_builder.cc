#include "exodus/io/flee/flee_world_builder.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "exodus/core/parse.h"

namespace exodus {

namespace {

constexpr double kConflictThreshold = 0.000001;  // Flee: intensity above this is a conflict

const std::string* find_attribute(const Attributes& attributes, const char* key) {
  for (const auto& [k, v] : attributes)
    if (k == key) return &v;
  return nullptr;
}

// Flee's classification of a location_type string (substring match, in this order).
FleeLocationStart classify(const FleeLocationRow& row, const FleeSettings& s, ErrorList& errors,
                           const std::string& file) {
  FleeLocationStart st;
  std::string type = to_lower(row.type);
  // A conflict zone whose conflict starts later is a town until conflicts.csv says otherwise.
  if (type.find("conflict") != std::string::npos && row.conflict_date.value_or(0) > 0)
    type = "town";
  const std::int64_t scaled = row.population / s.hasten;
  if (type.find("camp") != std::string::npos) {
    st.flags = kFleeCamp;
    st.movechance = s.camp_movechance;
    if (type.find("idp") != std::string::npos) {
      st.flags |= kFleeIdpCamp;
      st.movechance = s.idpcamp_movechance;
    }
    st.capacity = static_cast<double>(scaled);
  } else {
    st.population = scaled;
    if (type.find("conflict") != std::string::npos) {
      st.movechance = s.conflict_movechance;
      st.conflict = 1.0;
      if (const auto* v = find_attribute(row.attributes, "conflict_intensity")) {
        try {
          st.conflict = parse_double(*v, {file, row.line, "conflict_intensity"});
        } catch (const InputError& e) { errors.add(e); }
      }
    } else if (type.find("forward") != std::string::npos) {
      st.movechance = 1.0;
      st.flags = kFleeForward;
    } else if (type.find("marker") != std::string::npos) {
      st.movechance = 1.0;
      st.flags = kFleeMarker;
    } else if (type.find("flood_zone") != std::string::npos) {
      st.movechance = s.default_movechance;
      st.flags = kFleeFloodZone;
    } else {
      st.movechance = s.default_movechance;
      st.flags = kFleeTown;
    }
  }
  // Flee turns any location people barely leave into a camp.
  if (st.movechance < 0.005 && !(st.flags & (kFleeCamp | kFleeFloodZone))) {
    st.flags = static_cast<std::uint8_t>((st.flags & ~kFleeTown) | kFleeCamp);
  }
  const auto read_count = [&](const char* key, std::int64_t& out) {
    if (const auto* v = find_attribute(row.attributes, key)) {
      try {
        out = parse_optional_int(*v, {file, row.line, key}, 0, 1'000'000'000).value_or(0);
      } catch (const InputError& e) { errors.add(e); }
    }
  };
  read_count("initial_idps", st.initial_idps);
  read_count("capacity_per_day", st.capacity_per_day);
  return st;
}

void apply_corrections(const FleeInputs& in, FleeValidationData& data, ErrorList& errors) {
  for (const auto& c : in.corrections) {
    const SourcePos pos{in.corrections_file, c.line, "camp"};
    auto it = std::find_if(data.series.begin(), data.series.end(),
                           [&](const auto& s) { return s.name == c.camp; });
    if (it == data.series.end()) {
      errors.add(pos, fmt::format("no series named '{}' in {}", c.camp, data.layout_file));
      continue;
    }
    const std::int64_t day = c.date - in.period.start;
    if (day < 0) continue;  // before the start: Flee ignores it
    auto& points = it->points;
    bool applied = false, reported = false;
    for (std::size_t i = 1; i < points.size(); ++i) {
      if (points[i].day != day) continue;
      const double last_level1 = points[i - 1].value;
      if (last_level1 < 1) {
        errors.add({in.corrections_file, c.line, "date"},
                   fmt::format("the data point before {} of '{}' is below 1, cannot rescale",
                               c.date.iso(), c.camp));
        reported = true;
        break;
      }
      const double factor = points[i].value / last_level1;
      for (std::size_t k = 0; k < i; ++k) points[k].value *= factor;
      applied = true;
    }
    if (!applied && !reported)
      errors.add({in.corrections_file, c.line, "date"},
                 fmt::format("{} is not the date of a data point (after the first) of '{}'",
                             c.date.iso(), c.camp));
  }
}

// One build of a world: the inputs, the world as far as it is built, and every problem found
// across the files, shared by the steps below.
struct WorldBuild {
  const FleeInputs& in;
  ErrorList errors;
  FleeWorld w;
  std::unordered_map<std::string, LocationId> by_name;
  std::unordered_set<std::string> countries;

  // The location called `name`, or kNoLocation with an error at pos.
  LocationId lookup(const std::string& name, SourcePos pos) {
    const auto it = by_name.find(name);
    if (it != by_name.end()) return it->second;
    errors.add(std::move(pos), fmt::format("unknown location '{}' (not in locations.csv)", name));
    return kNoLocation;
  }

  std::vector<Location> locations();
  Link route(const FleeRouteRow& r);
  void graph(std::vector<Location> locations);
  void conflicts();
  FleeClosure closure(const FleeClosureRow& c);
  void validation();
};

// Locations, each with its start state; indexed by name and country for the other files.
std::vector<Location> WorldBuild::locations() {
  std::vector<Location> locations;
  const std::string home_country = in.locations.empty() ? "" : in.locations.front().country;
  for (const auto& row : in.locations) {
    locations.push_back({row.name, row.region, row.country, row.latitude, row.longitude});
    auto st = classify(row, in.settings, errors, in.locations_file);
    st.foreign = row.country != home_country;
    w.start_state.push_back(st);
  }
  for (LocationId i = 0; i < locations.size(); ++i) {
    by_name.emplace(locations[i].name, i);
    countries.insert(locations[i].country);
  }
  return locations;
}

// A route's link from name1 to name2, with the overrides its optional columns give.
Link WorldBuild::route(const FleeRouteRow& r) {
  const auto a = lookup(r.from, {in.routes_file, r.line, "name1"});
  const auto b = lookup(r.to, {in.routes_file, r.line, "name2"});
  Link link{a, b, r.distance, 0, 0};
  for (const auto& [key, value] : r.attributes) {
    if (value.empty()) continue;  // an empty cell means no override
    try {
      if (key == "max_move_speed") {
        link.speed_override = parse_double(value, {in.routes_file, r.line, key});
        if (link.speed_override <= 0)
          errors.add({in.routes_file, r.line, key}, "must be positive (km/day)");
      } else if (key == "walk_probability") {
        link.walk_probability = parse_double(value, {in.routes_file, r.line, key});
        if (link.walk_probability < 0 || link.walk_probability > 1)
          errors.add({in.routes_file, r.line, key}, "must be a probability in [0, 1]");
      }
    } catch (const InputError& e) { errors.add(e); }
  }
  return link;
}

// The graph of the locations and routes: each row is a two-way pair of directed links.
void WorldBuild::graph(std::vector<Location> locations) {
  std::vector<Link> links;
  for (const auto& r : in.routes) {
    Link link = route(r);
    if (link.from == kNoLocation || link.to == kNoLocation) continue;
    links.push_back(link);
    std::swap(link.from, link.to);
    links.push_back(link);
  }
  w.graph = Graph(std::move(locations), std::move(links));

  for (LocationId i = 0; i < w.graph.location_count(); ++i)
    if (w.start_state[i].flags & kFleeCamp) w.camps.push_back(i);
}

// Conflicts: Flee acts only on transitions between zero and non-zero intensity.
void WorldBuild::conflicts() {
  w.conflict_changes.resize(static_cast<std::size_t>(w.days));
  const auto& table = in.conflicts;
  if (table.intensity.size() < static_cast<std::size_t>(w.days))
    errors.add({in.conflicts_file, 0, ""},
               fmt::format("has {} day rows, the simulation runs {} days ({})",
                           table.intensity.size(), w.days, in.period_file));
  for (std::size_t col = 0; col < table.names.size(); ++col) {
    const auto found = by_name.find(table.names[col]);
    if (found == by_name.end()) {
      // Flee reports and skips such a column; its burundi case has two.
      w.warnings.push_back(format_error(
          {in.conflicts_file, table.header_line, fmt::format("column {}", col + 2)},
          fmt::format("location '{}' is not in locations.csv; its conflicts are ignored",
                      table.names[col])));
      continue;
    }
    const LocationId loc = found->second;
    const std::size_t n = std::min<std::size_t>(table.intensity.size(), static_cast<std::size_t>(w.days));
    for (std::size_t t = 0; t < n; ++t) {
      if (col >= table.intensity[t].size()) continue;
      const double now = table.intensity[t][col];
      if (t == 0) {
        if (now > kConflictThreshold) w.conflict_changes[t].push_back({loc, now});
        continue;
      }
      const double before = col < table.intensity[t - 1].size() ? table.intensity[t - 1][col] : 0;
      if (now > kConflictThreshold && before < kConflictThreshold)
        w.conflict_changes[t].push_back({loc, now});
      else if (now < kConflictThreshold && before >= kConflictThreshold)
        w.conflict_changes[t].push_back({loc, 0.0});
    }
  }
}

// A closure, resolved to the directed links (or camp) it acts on.
FleeClosure WorldBuild::closure(const FleeClosureRow& c) {
  FleeClosure closure;
  closure.line = c.line;
  closure.start = c.start;
  closure.end = c.end;
  const SourcePos pos1{in.closures_file, c.line, "name1"};
  const SourcePos pos2{in.closures_file, c.line, "name2"};
  const auto& g = w.graph;
  if (c.type == "country") {
    for (const auto& [name, pos] : {std::pair{c.name1, pos1}, std::pair{c.name2, pos2}})
      if (!countries.count(name))
        errors.add(pos, fmt::format("unknown country '{}' (no location in locations.csv has it)", name));
    for (LinkId l = 0; l < g.link_count(); ++l) {
      const auto& from = g.location(g.link(l).from).country;
      const auto& to = g.location(g.link(l).to).country;
      if ((from == c.name1 && to == c.name2) || (from == c.name2 && to == c.name1))
        closure.links.push_back(l);
    }
  } else if (c.type == "location") {
    const auto x = lookup(c.name1, pos1);
    for (LinkId l = 0; l < g.link_count(); ++l)
      if (x != kNoLocation && (g.link(l).from == x || g.link(l).to == x)) closure.links.push_back(l);
  } else if (c.type == "link") {
    const auto a = lookup(c.name1, pos1);
    const auto b = lookup(c.name2, pos2);
    for (LinkId l = 0; l < g.link_count(); ++l) {
      const auto& k = g.link(l);
      if ((k.from == a && k.to == b) || (k.from == b && k.to == a)) closure.links.push_back(l);
    }
    if (a != kNoLocation && b != kNoLocation && closure.links.empty())
      errors.add(pos2, fmt::format("no route joins '{}' and '{}'", c.name1, c.name2));
  } else if (c.type == "camp" || c.type == "idpcamp") {
    closure.kind = c.type == "camp" ? FleeClosureKind::kCamp : FleeClosureKind::kIdpCamp;
    closure.location = lookup(c.name1, pos1);
  } else {
    // remove_forced_redirection: Flee sets a flag no rule reads.
    closure.kind = FleeClosureKind::kNoEffect;
    lookup(c.name1, pos1);
    if (!c.name2.empty()) lookup(c.name2, pos2);
  }
  return closure;
}

// Validation data: each series corrected and interpolated to every day, and each camp's series;
// without it, spawning from the data is an error naming the option to give.
void WorldBuild::validation() {
  if (in.validation) {
    FleeValidationData data = *in.validation;
    apply_corrections(in, data, errors);
    for (const auto& series : data.series) {
      FleeSeries out{series.name, {}};
      out.daily.resize(static_cast<std::size_t>(w.days));
      for (std::int32_t t = 0; t < w.days; ++t)
        out.daily[static_cast<std::size_t>(t)] = interpolate_series(series.points, t);
      w.series.push_back(std::move(out));
    }
    for (const auto camp : w.camps) {
      const auto& name = w.graph.location(camp).name;
      std::int32_t found = -1;
      for (std::size_t k = 0; k < data.series.size(); ++k)
        if (data.series[k].name == name) found = static_cast<std::int32_t>(k);
      if (found < 0)
        errors.add({data.layout_file, 0, ""},
                   fmt::format("camp '{}' of locations.csv has no row (expected '{},<file>.csv')",
                               name, name));
      w.camp_series.push_back(found);
    }
  } else if (in.settings.spawn_mode == FleeSpawnMode::kFromData) {
    // Without a simsetting.yml the rule is Flee's default: name the option to give instead.
    if (in.settings.source == FleeSettings{}.source)
      errors.add({"--validation", 0, ""},
                 "agents are spawned from the validation data (Flee's default spawn rule, with no simsetting.yml), "
                 "but no validation folder was given");
    else
      errors.add({in.settings.source, 0, "spawn_rules"},
                 "agents are spawned from the validation data, but none was given (--validation)");
  }
}

}  // namespace

std::int64_t interpolate_series(const std::vector<FleeDataPoint>& points, std::int64_t day) {
  if (points.empty()) return 0;
  if (day <= points.front().day) return static_cast<std::int64_t>(points.front().value);
  for (std::size_t i = 1; i < points.size(); ++i) {
    if (day < points[i].day) {
      const auto& a = points[i - 1];
      const double fraction = static_cast<double>(day - a.day) / static_cast<double>(points[i].day - a.day);
      return static_cast<std::int64_t>(a.value + fraction * (points[i].value - a.value));
    }
  }
  return static_cast<std::int64_t>(points.back().value);
}

FleeWorld build_flee_world(const FleeInputs& in, std::string case_name) {
  WorldBuild b{in, {}, {}, {}, {}};
  FleeWorld& w = b.w;
  w.case_name = std::move(case_name);
  w.settings = in.settings;
  w.start_date = in.period.start;
  w.days = static_cast<std::int32_t>(in.period.length);
  b.graph(b.locations());
  b.conflicts();
  for (const auto& c : in.closures) w.closures.push_back(b.closure(c));
  b.validation();
  b.errors.throw_if_any();
  return std::move(b.w);
}

}  // namespace exodus
