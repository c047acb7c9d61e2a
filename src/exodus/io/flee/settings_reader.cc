// simsetting.yml: every key Flee documents is either applied, accepted as having no effect on
// the Flee rule set's results (logging), or refused when set to anything but its default, so a
// setting is never silently ignored. Unknown keys are errors (a typo would otherwise pass).
#include <yaml-cpp/yaml.h>

#include <fmt/format.h>

#include <functional>
#include <map>
#include <set>

#include "exodus/core/parse.h"
#include "exodus/io/flee/flee_readers.h"
#include "exodus/io/yaml/yaml_document.h"
#include "exodus/world/flee_settings_registry.h"

namespace exodus {

namespace {

struct Context {
  const TextFile& file;
  ErrorList& errors;
  SourcePos pos(const YAML::Node& node, const std::string& key) const {
    return {file.name, static_cast<std::size_t>(node.Mark().line + 1), key};
  }
};

double as_double(const Context& c, const YAML::Node& n, const std::string& key) {
  if (!n.IsScalar()) throw InputError(c.pos(n, key), "expected a number");
  return parse_double(n.Scalar(), c.pos(n, key));
}

bool as_bool(const Context& c, const YAML::Node& n, const std::string& key) {
  if (!n.IsScalar()) throw InputError(c.pos(n, key), "expected true or false");
  const auto v = to_lower(trim(n.Scalar()));
  if (v == "true" || v == "yes" || v == "on" || v == "1") return true;
  if (v == "false" || v == "no" || v == "off" || v == "0") return false;
  throw InputError(c.pos(n, key), fmt::format("expected true or false, found '{}'", n.Scalar()));
}

double positive(const Context& c, const YAML::Node& n, const std::string& key) {
  const double v = as_double(c, n, key);
  if (v <= 0) throw InputError(c.pos(n, key), "must be positive");
  return v;
}

double probability(const Context& c, const YAML::Node& n, const std::string& key) {
  const double v = as_double(c, n, key);
  if (v < 0 || v > 1) throw InputError(c.pos(n, key), "must be a probability in [0, 1]");
  return v;
}

double non_negative(const Context& c, const YAML::Node& n, const std::string& key) {
  const double v = as_double(c, n, key);
  if (v < 0) throw InputError(c.pos(n, key), "must not be negative");
  return v;
}

int bounded_int(const Context& c, const YAML::Node& n, const std::string& key, int lo, int hi) {
  if (!n.IsScalar()) throw InputError(c.pos(n, key), "expected a whole number");
  return static_cast<int>(parse_int(n.Scalar(), c.pos(n, key), lo, hi));
}

using Handler = std::function<void(const Context&, const YAML::Node&, const std::string&,
                                   FleeSettings&)>;

// A Flee feature exodus does not implement: fine at its default, an error otherwise.
Handler unsupported_flag() {
  return [](const Context& c, const YAML::Node& n, const std::string& key, FleeSettings&) {
    if (n.IsScalar() && !as_bool(c, n, key)) return;
    throw InputError(c.pos(n, key),
                     "this Flee option is not implemented by exodus; remove it or set it to false");
  };
}
Handler unsupported_block() {
  return [](const Context& c, const YAML::Node& n, const std::string& key, FleeSettings&) {
    if (n.IsNull() || (n.IsSequence() && n.size() == 0)) return;
    throw InputError(c.pos(n, key), "this Flee option is not implemented by exodus; remove it");
  };
}
Handler ignored() {
  return [](const Context&, const YAML::Node&, const std::string&, FleeSettings&) {};
}

const std::map<std::string, Handler>& spawn_handlers() {
  static const std::map<std::string, Handler> h = {
      {"take_from_population",
       [](auto& c, auto& n, auto& k, FleeSettings& s) { s.take_from_population = as_bool(c, n, k); }},
      {"insert_day0", [](auto& c, auto& n, auto& k, FleeSettings& s) { s.insert_day0 = as_bool(c, n, k); }},
      {"sum_from_camps",
       [](auto& c, auto& n, auto& k, FleeSettings& s) { s.sum_from_camps = as_bool(c, n, k); }},
      {"conflict_zone_spawning_only",
       [](auto& c, auto& n, auto& k, FleeSettings&) {
         // Only conflict zones carry a spawn weight in this rule set either way.
         (void)as_bool(c, n, k);
       }},
      {"conflict_spawn_decay_interval",
       [](auto& c, auto& n, auto& k, FleeSettings& s) {
         s.conflict_spawn_decay_interval = bounded_int(c, n, k, 1, 1'000'000);
       }},
      {"conflict_spawn_decay",
       [](auto& c, auto& n, auto& k, FleeSettings& s) {
         s.conflict_spawn_decay.clear();
         if (n.IsNull()) return;
         if (!n.IsSequence()) throw InputError(c.pos(n, k), "expected a list of numbers");
         for (const auto& v : n) s.conflict_spawn_decay.push_back(non_negative(c, v, k));
       }},
      {"conflict_driven_spawning",
       [](auto& c, auto& n, auto& k, FleeSettings& s) {
         if (n.IsNull()) return;
         if (!n.IsMap()) throw InputError(c.pos(n, k), "expected spawn_mode and displaced_per_conflict_day");
         std::string mode = "constant";
         if (n["spawn_mode"]) mode = to_lower(n["spawn_mode"].Scalar());
         if (mode == "constant") s.spawn_mode = FleeSpawnMode::kConstant;
         else if (mode == "pop_ratio") s.spawn_mode = FleeSpawnMode::kPopRatio;
         else if (mode == "poisson") s.spawn_mode = FleeSpawnMode::kPoisson;
         else throw InputError(c.pos(n["spawn_mode"], "spawn_mode"),
                               fmt::format("unknown spawn mode '{}' (constant, pop_ratio or poisson)", mode));
         s.displaced_per_conflict_day = s.spawn_mode == FleeSpawnMode::kPopRatio ? 0.01 : 500;
         if (n["displaced_per_conflict_day"])
           s.displaced_per_conflict_day =
               non_negative(c, n["displaced_per_conflict_day"], "displaced_per_conflict_day");
         for (const auto& kv : n) {
           const auto key = kv.first.Scalar();
           if (key != "spawn_mode" && key != "displaced_per_conflict_day")
             throw InputError(c.pos(kv.first, key), "unknown key in conflict_driven_spawning");
         }
       }},
      {"average_social_connectivity", ignored()},  // feeds only two_system_decision_making
      {"empty_camps_on_day0", unsupported_flag()},
      {"camps_are_sicks", unsupported_flag()},
      {"camps_are_sinks", unsupported_flag()},
      {"read_from_agents_csv_file", unsupported_flag()},
      {"starvation_driven_spawning", unsupported_flag()},
      {"flood_zone_spawning_only", unsupported_flag()},
      {"flood_driven_spawn_mode", unsupported_block()},
  };
  return h;
}

// A setting of the registry (world/flee_settings_registry.h), checked by its bound.
Handler registered(const FleeSetting& setting) {
  return [&setting](const Context& c, const YAML::Node& n, const std::string& k, FleeSettings& s) {
    double v = 0;
    switch (setting.bound) {
      case FleeBound::kPositive: v = positive(c, n, k); break;
      case FleeBound::kNonNegative: v = non_negative(c, n, k); break;
      case FleeBound::kProbability: v = probability(c, n, k); break;
      case FleeBound::kAny: case FleeBound::kAwareness: v = as_double(c, n, k); break;
    }
    setting.set(s, v);
  };
}

const std::map<std::string, Handler>& move_handlers() {
  static const std::map<std::string, Handler> h = [] {
    std::map<std::string, Handler> handlers = {
      {"max_crossing_speed", ignored()},  // read by Flee but used by none of its rules
      {"awareness_level",
       [](auto& c, auto& n, auto& k, FleeSettings& s) {
         // The range is the registry's; Flee also takes -1, which it treats like the lowest.
         const FleeSetting& level = *find_flee_setting("move_rules.awareness_level");
         const int lowest = static_cast<int>(level.lower()), highest = static_cast<int>(level.upper());
         s.awareness_level = bounded_int(c, n, k, -1, highest);
         // 0 makes every agent stay in Flee (its random link index never matches a name),
         // which exodus refuses rather than reproduce.
         if (s.awareness_level == 0)
           throw InputError(c.pos(n, k), fmt::format("awareness_level 0 makes no agent move; use {} to {}", lowest, highest));
         if (s.awareness_level < 0) s.awareness_level = lowest;
       }},
      {"use_pop_for_loc_weight",
       [](auto& c, auto& n, auto& k, FleeSettings& s) { s.use_pop_for_loc_weight = as_bool(c, n, k); }},
      {"use_v1_rules",
       [](auto& c, auto& n, auto& k, FleeSettings& s) {
         if (!as_bool(c, n, k)) return;
         s.max_move_speed = 200;
         s.camp_weight = 2.0;
         s.conflict_weight = 0.25;
       }},
      {"home_distance_power", ignored()},    // only with stay_close_to_home
      {"avg_religion_fraction", ignored()},  // only with MatchCampReligion
      {"avoid_short_stints", unsupported_flag()},
      {"start_on_foot", unsupported_flag()},
      {"stay_close_to_home", unsupported_flag()},
      {"fixed_routes", unsupported_flag()},
      {"two_system_decision_making", unsupported_flag()},
      {"use_economic_pull", unsupported_flag()},
      {"flee_when_starving", unsupported_flag()},
      {"avoid_food_deprived_locations", unsupported_flag()},
      {"WomenAvoidHazards", unsupported_flag()},
      {"ChildrenAvoidHazards", unsupported_flag()},
      {"ElderlyAvoidHazards", unsupported_flag()},
      {"BoysTakeRisk", unsupported_flag()},
      {"MatchCampReligion", unsupported_flag()},
      {"MatchCampEthnicity", unsupported_flag()},
      {"MatchTownEthnicity", unsupported_flag()},
      {"MatchConflictEthnicity", unsupported_flag()},
      {"harvest_months", unsupported_block()},
      {"flood_rules", unsupported_block()},
    };
    for (const auto& setting : flee_settings_registry())
      if (std::string_view(setting.section) == "move_rules" && !handlers.count(setting.key))
        handlers[setting.key] = registered(setting);
    return handlers;
  }();
  return h;
}

const std::map<std::string, Handler>& optimisation_handlers() {
  static const std::map<std::string, Handler> h = {
      {"hasten", [](auto& c, auto& n, auto& k, FleeSettings& s) {
         s.hasten = bounded_int(c, n, k, 1, 1'000'000);
       }}};
  return h;
}

void apply_section(const Context& c, const YAML::Node& section, const std::string& name,
                   const std::map<std::string, Handler>& handlers, FleeSettings& s) {
  if (section.IsNull()) return;
  if (!section.IsMap()) {
    c.errors.add(c.pos(section, name), "expected a mapping of settings");
    return;
  }
  for (const auto& kv : section) {
    const std::string key = kv.first.Scalar();
    const auto it = handlers.find(key);
    if (it == handlers.end()) {
      c.errors.add(c.pos(kv.first, name + "." + key), "unknown setting");
      continue;
    }
    try {
      it->second(c, kv.second, name + "." + key, s);
    } catch (const InputError& e) {
      c.errors.add(e);
    }
  }
}

}  // namespace

FleeSettings read_flee_settings(const TextFile& file, ErrorList& errors) {
  FleeSettings settings;
  settings.source = file.name;
  const auto document = load_yaml(file, errors);
  if (!document) return settings;
  const YAML::Node root = *document;
  const Context c{file, errors};
  if (root.IsNull()) return settings;
  if (!root.IsMap()) {
    errors.add({file.name, 1, ""}, "expected a mapping with log_levels, spawn_rules, move_rules, optimisations");
    return settings;
  }
  static const std::set<std::string> kIgnoredTop = {"log_levels", "number_of_steps",
                                                    "conflict_input_file", "flood_level_input_file",
                                                    "default_conflict_intensity"};
  for (const auto& kv : root) {
    const std::string key = kv.first.Scalar();
    if (key == "spawn_rules") apply_section(c, kv.second, key, spawn_handlers(), settings);
    else if (key == "move_rules") apply_section(c, kv.second, key, move_handlers(), settings);
    else if (key == "optimisations") apply_section(c, kv.second, key, optimisation_handlers(), settings);
    else if (!kIgnoredTop.count(key)) errors.add(c.pos(kv.first, key), "unknown section");
  }
  return settings;
}

}  // namespace exodus
