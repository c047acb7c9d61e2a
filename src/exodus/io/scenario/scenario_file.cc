// scenario.yaml: the scenario's name, its window of days, its run options, its reports files
// and its behaviour parameters.
#include <yaml-cpp/yaml.h>

#include <fmt/format.h>

#include <cstdint>
#include <set>

#include "exodus/core/digit_grouping.h"
#include "exodus/core/parse.h"
#include "exodus/core/path_name.h"
#include "exodus/core/suggest.h"
#include "exodus/io/reports/reports_reader.h"
#include "exodus/io/scenario/scenario_tables.h"
#include "exodus/io/yaml/yaml_document.h"

namespace exodus::scenario_io {

namespace {

// scenario.yaml's mapping, read key by key: each problem an error at its key's line.
struct ScenarioYaml {
  ErrorList& errors;
  const std::string& file;
  const YAML::Node& root;

  SourcePos pos(const YAML::Node& n, const std::string& key) const {
    return SourcePos{file, static_cast<std::size_t>(n.Mark().line + 1), key};
  }
  std::optional<std::string> scalar(const std::string& key, bool required) const {
    const auto n = root[key];
    if (!n) {
      if (required) errors.add({file, 0, key}, "is missing");
      return std::nullopt;
    }
    if (!n.IsScalar()) {
      errors.add(pos(n, key), "expected a single value");
      return std::nullopt;
    }
    return n.Scalar();
  }
  Date date(const std::string& key) const {
    const auto v = scalar(key, true);
    if (!v) return Date{};
    try {
      return parse_date(*v, pos(root[key], key));
    } catch (const InputError& e) {
      errors.add(e);
      return Date{};
    }
  }
};

void refuse_unknown_scenario_keys(const ScenarioYaml& y) {
  static const std::set<std::string> kKeys = {"name", "description", "rule_set", "start_date", "end_date",
                                              "shock_date", "seed", "parameters", "reports",
                                              "calibration_people_per_agent"};
  for (const auto& kv : y.root)
    if (!kKeys.count(kv.first.Scalar()))
      y.errors.add(y.pos(kv.first, kv.first.Scalar()),
                   "unknown key" + did_you_mean(kv.first.Scalar(), {kKeys.begin(), kKeys.end()}));
}

// What the scenario is: its name (it names output folders), description and rule set.
void read_scenario_identity(const ScenarioYaml& y, Scenario& s) {
  s.name = y.scalar("name", true).value_or("");
  if (y.root["name"] && y.root["name"].IsScalar())
    if (const auto problem = path_name_problem(s.name)) y.errors.add(y.pos(y.root["name"], "name"), *problem);
  s.description = y.scalar("description", false).value_or("");
  if (const auto rs = y.scalar("rule_set", false); rs && *rs != "exodus")
    y.errors.add(y.pos(y.root["rule_set"], "rule_set"), fmt::format("unknown rule set '{}' (expected exodus)", *rs));
}

// The run's options: its default seed, and the people an agent stands for in a calibration.
void read_run_options(const ScenarioYaml& y, Scenario& s) {
  if (const auto seed = y.scalar("seed", false)) {
    try {
      s.seed = static_cast<std::uint64_t>(parse_int(*seed, y.pos(y.root["seed"], "seed"), 0, INT64_MAX));
    } catch (const InputError& e) { y.errors.add(e); }
  }
  if (const auto k = y.scalar("calibration_people_per_agent", false)) {
    const auto kpos = y.pos(y.root["calibration_people_per_agent"], "calibration_people_per_agent");
    try {
      s.calibration_people_per_agent = parse_double(*k, kpos);
      if (!people_per_agent_allowed(s.calibration_people_per_agent)) y.errors.add(kpos, people_per_agent_problem(*k));
    } catch (const InputError& e) { y.errors.add(e); }
  }
}

// The window's days, and the shock within it; judged only once every key above read cleanly.
void check_scenario_window(const ScenarioYaml& y, const InputLimits& limits, Scenario& s) {
  s.days = s.end_date - s.start_date + 1;
  if (!y.errors.empty()) return;
  if (s.days < 1)
    y.errors.add(y.pos(y.root["end_date"], "end_date"), "is before start_date");
  else if (s.days > limits.max_days)
    y.errors.add(y.pos(y.root["end_date"], "end_date"),
                 fmt::format("the scenario spans {} days; {}", grouped(s.days), limit_clause(limits.max_days, "--max-days")));
  s.shock_day = s.shock_date - s.start_date;
  if (s.shock_day < 0 || s.shock_day >= s.days)
    y.errors.add(y.pos(y.root["shock_date"], "shock_date"), "must fall between start_date and end_date");
}

// One reports file the scenario names, relative to its folder.
void read_scenario_reports_file(const ScenarioYaml& y, const YAML::Node& item, const FileSource& folder,
                                const InputLimits& limits, Scenario& s) {
  try {
    const auto reports = folder.read(item.Scalar());
    if (!reports)
      y.errors.add(y.pos(item, "reports"), fmt::format("names '{}', which is not there ({})", item.Scalar(),
                                                       folder.display_name(item.Scalar())));
    else
      s.reports.push_back(read_reports(*reports, limits.max_reports));
    // The scenario's files are read as one (calibrate fits them together): the limit holds for them all.
    std::int64_t total = 0;
    for (const auto& set : s.reports) total += static_cast<std::int64_t>(set.reports.size());
    if (total > limits.max_reports)
      y.errors.add(y.pos(item, "reports"), fmt::format("brings the scenario's reports to {}; {}", grouped(total),
                                                       limit_clause(limits.max_reports, "--max-reports")));
  } catch (const InputErrors& e) {
    y.errors.add_all(e);
  } catch (const InputError& e) {
    y.errors.add(e);
  }
}

void read_scenario_reports(const ScenarioYaml& y, const FileSource& folder, const InputLimits& limits, Scenario& s) {
  const auto n = y.root["reports"];
  if (!n) return;
  if (!n.IsSequence()) {
    y.errors.add(y.pos(n, "reports"), "expected a list of reports files (relative to the scenario's folder)");
    return;
  }
  for (const auto& item : n) {
    if (!item.IsScalar() || item.Scalar().empty()) {
      y.errors.add(y.pos(item, "reports"), "expected the path of a reports file");
      continue;
    }
    read_scenario_reports_file(y, item, folder, limits, s);
  }
}

// One behaviour parameter: its key must be one of the registry's (world/scenario_registry.h),
// its value within the registry's bounds.
void read_scenario_parameter(const ScenarioYaml& y, const YAML::Node& key_node, const YAML::Node& value, Scenario& s) {
  const std::string key = key_node.Scalar();
  const auto ppos = y.pos(value, "parameters." + key);
  try {
    const ScenarioParameter* param = find_scenario_parameter(key);
    if (!param) {
      std::vector<std::string> names;
      for (const auto& known : scenario_parameters()) names.push_back(known.name);
      y.errors.add(ppos, "unknown parameter" + did_you_mean(key, names));
      return;
    }
    if (param->integer()) {
      param->set(s.parameters, static_cast<double>(parse_int(value.Scalar(), ppos,
                                                             static_cast<std::int64_t>(param->lower),
                                                             static_cast<std::int64_t>(param->upper))));
      return;
    }
    if (!value.IsScalar()) throw InputError(ppos, "expected a number");
    const double v = parse_double(value.Scalar(), ppos);
    if (v < param->lower || v > param->upper)
      throw InputError(ppos, fmt::format("{} is outside the allowed range [{}, {}]", v, param->lower, param->upper));
    param->set(s.parameters, v);
  } catch (const InputError& e) {
    y.errors.add(e);
  }
}

void read_scenario_parameters(const ScenarioYaml& y, Scenario& s) {
  const auto n = y.root["parameters"];
  if (!n) return;
  if (!n.IsMap()) {
    y.errors.add(y.pos(n, "parameters"), "expected a mapping of parameter: value");
    return;
  }
  for (const auto& kv : n) read_scenario_parameter(y, kv.first, kv.second, s);
}

}  // namespace

void Reader::scenario_file() {
  auto file = need("scenario.yaml");
  if (!file) return;
  const auto document = load_yaml(*file, errors);
  if (!document) return;
  const YAML::Node root = *document;
  if (root.IsNull()) {
    errors.add({file->name, 0, ""}, "is empty; expected at least name, start_date, end_date and shock_date");
    return;
  }
  if (!root.IsMap()) {
    errors.add({file->name, 1, ""}, "expected a mapping (name, start_date, end_date, shock_date, ...)");
    return;
  }
  const ScenarioYaml y{errors, file->name, root};
  refuse_unknown_scenario_keys(y);
  read_scenario_identity(y, s);
  s.start_date = y.date("start_date");
  s.end_date = y.date("end_date");
  s.shock_date = y.date("shock_date");
  read_run_options(y, s);
  check_scenario_window(y, limits, s);
  // Tables dated against the window check against it only when it is known.
  window_known = errors.empty();
  read_scenario_reports(y, folder, limits, s);
  read_scenario_parameters(y, s);
}

}  // namespace exodus::scenario_io
