#include "exodus/io/scenario/scenario_reader.h"

#include <yaml-cpp/yaml.h>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>

#include "exodus/core/path_name.h"
#include "exodus/core/csv_table.h"
#include "exodus/core/digit_grouping.h"
#include "exodus/core/limits.h"
#include "exodus/core/parse.h"
#include "exodus/core/suggest.h"
#include "exodus/io/reports/reports_reader.h"
#include "exodus/io/scenario/priors_reader.h"
#include "exodus/io/yaml/yaml_document.h"
#include "exodus/world/places.h"
#include "exodus/world/scenario_hazard.h"
#include "exodus/world/scenario_registry.h"

namespace exodus {

namespace {

// Agents keep their region and destination in one byte and their checkpoint in two (with one
// value meaning "by air"): the most a scenario may have of each.
constexpr std::size_t kMaxRegions = 256, kMaxDestinations = 256, kMaxCheckpoints = 65535;
// Each day walks the events begun so far, so a run costs events x days.
constexpr std::size_t kMaxEvents = 100'000;
// Kinds of leaver: each agent stores its kind in a byte, and each kind multiplies the pools.
constexpr std::size_t kMaxLeaverKinds = 16;

struct Reader {
  const FileSource& folder;
  const InputLimits& limits;
  ErrorList errors;
  Scenario s;
  // Where each region and destination is defined, for errors found after reading.
  std::string regions_file, destinations_file;
  std::vector<std::size_t> region_lines, destination_lines;

  // A file of the scenario: a problem reading it (missing when required, a folder, a pipe, too
  // big) is one more error, not the end of the check; none when it cannot be read or is an
  // optional file that is absent.
  std::optional<TextFile> input(const std::string& name, bool required) {
    try {
      return required ? std::optional<TextFile>(folder.require(name)) : folder.read(name);
    } catch (const InputError& e) {
      errors.add(e);
      return std::nullopt;
    }
  }
  std::optional<TextFile> need(const std::string& name) { return input(name, true); }
  std::optional<TextFile> read_optional(const std::string& name) { return input(name, false); }

  // Cell readers: record the error and return a default, so one pass finds every problem.
  double number(const CsvTable& t, const CsvRow& r, const std::string& col, double lo, double hi,
                std::optional<double> fallback = std::nullopt) {
    const std::string text = t.cell(r, col);
    if (text.empty() && fallback) return *fallback;
    try {
      const double v = parse_double(text, t.pos(r, col));
      if (v < lo || v > hi) {
        errors.add(t.pos(r, col), fmt::format("{} is outside the allowed range [{}, {}]", v, lo, hi));
        return fallback.value_or(lo);
      }
      return v;
    } catch (const InputError& e) {
      errors.add(e);
      return fallback.value_or(lo);
    }
  }
  // Every numeric column of a table's row, as the registry lists them.
  template <typename Row>
  void numbers(const CsvTable& t, const CsvRow& r, std::span<const ScenarioColumn<Row>> columns, Row& row) {
    for (const auto& c : columns) row.*c.member = number(t, r, c.name, c.lower, c.upper, c.fallback);
  }
  // The header a table's reader accepts: its key columns and the registry's required numeric
  // columns, then the numeric columns with defaults and the other optional ones.
  template <typename Row>
  CsvTable table(const TextFile& file, std::vector<std::string> required,
                 std::span<const ScenarioColumn<Row>> columns, std::vector<std::string> optional) {
    std::vector<std::string> with_defaults;
    for (const auto& c : columns) (c.fallback ? with_defaults : required).push_back(c.name);
    with_defaults.insert(with_defaults.end(), optional.begin(), optional.end());
    return CsvTable(file, required, with_defaults, errors);
  }
  bool flag(const CsvTable& t, const CsvRow& r, const std::string& col, bool fallback) {
    const std::string v = to_lower(t.cell(r, col));
    if (v.empty()) return fallback;
    if (v == "1" || v == "yes" || v == "true") return true;
    if (v == "0" || v == "no" || v == "false") return false;
    errors.add(t.pos(r, col), fmt::format("expected yes or no, found '{}'", v));
    return fallback;
  }
  std::string name(const CsvTable& t, const CsvRow& r, const std::string& col) {
    std::string v = t.cell(r, col);
    if (v.empty()) errors.add(t.pos(r, col), "is empty");
    return v;
  }
  std::optional<Date> date(const CsvTable& t, const CsvRow& r, const std::string& col) {
    try {
      return parse_date(t.cell(r, col), t.pos(r, col));
    } catch (const InputError& e) {
      errors.add(e);
      return std::nullopt;
    }
  }
  // Index of the first item called `name`, or -1. Names are indexed once per table (a file
  // of events or checkpoints must not cost rows x table size).
  struct NameIndex {
    std::size_t size = 0;
    std::unordered_map<std::string, std::int32_t> of;
  };
  std::map<const void*, NameIndex> name_index;
  bool window_known = false;  // scenario.yaml's dates read cleanly
  template <typename Item>
  std::int32_t find(const std::vector<Item>& items, const std::string& name) {
    NameIndex& index = name_index[&items];
    if (index.size != items.size()) {  // a fresh index has size 0; a table is complete when looked up
      index.of.clear();
      for (std::size_t i = 0; i < items.size(); ++i) index.of.emplace(items[i].name, static_cast<std::int32_t>(i));
      index.size = items.size();
    }
    const auto at = index.of.find(name);
    return at == index.of.end() ? -1 : at->second;
  }
  void unique(std::set<std::string>& seen, const std::string& name, const SourcePos& pos, const char* what) {
    if (!name.empty() && !seen.insert(name).second)
      errors.add(pos, fmt::format("duplicate {} '{}'", what, name));
  }

  // Seven factors, Monday first, joined by ';', of mean 1 (they shape the week, not its level).
  void weekly_profile(const CsvTable& t, const CsvRow& r, Checkpoint& c) {
    const auto cell = t.cell(r, "weekly_profile");
    if (trim(cell).empty()) return;
    const auto parts = split_list(cell);
    const auto pos = t.pos(r, "weekly_profile");
    if (parts.size() != 7) {
      errors.add(pos, fmt::format("has {} factors; give 7, Monday first, joined by ';'", parts.size()));
      return;
    }
    double sum = 0;
    for (std::size_t i = 0; i < 7; ++i) {
      try {
        c.weekly_profile[i] = parse_double(parts[i], pos);
      } catch (const InputError& e) {
        errors.add(e);
        return;
      }
      if (!(c.weekly_profile[i] >= 0 && c.weekly_profile[i] <= 7)) {
        errors.add(pos, fmt::format("factor {} is {}; each must be in [0, 7]", i + 1, parts[i]));
        return;
      }
      sum += c.weekly_profile[i];
    }
    if (std::abs(sum / 7 - 1) > 0.01) {
      errors.add(pos, fmt::format("the factors' mean is {:.4g}; it must be 1 (baseline_per_day sets the level)", sum / 7));
      return;
    }
    for (auto& f : c.weekly_profile) f *= 7 / sum;  // exactly mean 1
  }

  void scenario_file();
  void regions();
  void destinations();
  void leavers();
  void checkpoints();
  void flights();
  void events();
  void targets();
  void priors();
  void check_sizes();
  void check_reachable();
  void check_agent_count();
};

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
      if (!(s.calibration_people_per_agent >= 1 && s.calibration_people_per_agent <= 1000))
        y.errors.add(kpos, fmt::format("must be 1 to 1000, not {}", *k));
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

// scenario.yaml: the scenario's name, its window of days, its run options, its reports files
// and its behaviour parameters.
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

void Reader::regions() {
  auto file = need("regions.csv");
  if (!file) return;
  CsvTable t = table(*file, {"region"}, region_columns(), {"source", "assumption"});
  std::set<std::string> seen;
  for (const auto& r : t.rows()) {
    Region g;
    g.name = name(t, r, "region");
    unique(seen, g.name, t.pos(r, "region"), "region");
    numbers(t, r, region_columns(), g);
    s.regions.push_back(g);
    region_lines.push_back(r.line);
  }
  regions_file = file->name;
  if (t.rows().empty() && errors.empty()) errors.add({file->name, 0, ""}, "defines no region");
}

void Reader::destinations() {
  auto file = need("destinations.csv");
  if (!file) return;
  CsvTable t = table(*file, {"destination"}, destination_columns(),
                     {"official_counts", "groups", "onward_to", "source", "assumption"});
  std::set<std::string> seen;
  // onward_to may name a destination further down the table: resolved once all are read.
  std::vector<std::pair<std::size_t, const CsvRow*>> onward;
  for (const auto& r : t.rows()) {
    Destination d;
    d.name = name(t, r, "destination");
    unique(seen, d.name, t.pos(r, "destination"), "destination");
    numbers(t, r, destination_columns(), d);
    if (std::isnan(d.latitude) != std::isnan(d.longitude))
      errors.add(t.pos(r, std::isnan(d.latitude) ? "latitude" : "longitude"),
                 "a destination's position needs both latitude and longitude (or neither)");
    d.official_counts = t.cell(r, "official_counts");
    d.groups = split_list(t.cell(r, "groups"));
    if (d.onward_share + d.return_share > 1)
      errors.add(t.pos(r, "return_share"), "onward_share + return_share must not exceed 1");
    onward.emplace_back(s.destinations.size(), &r);
    s.destinations.push_back(d);
    destination_lines.push_back(r.line);
  }
  for (const auto& [index, row] : onward) {
    for (const auto& next : split_list(t.cell(*row, "onward_to"))) {
      const auto n = find(s.destinations, next);
      if (n < 0)
        errors.add(t.pos(*row, "onward_to"), fmt::format("unknown destination '{}' (not in destinations.csv)", next));
      else if (static_cast<std::size_t>(n) == index)
        errors.add(t.pos(*row, "onward_to"), fmt::format("'{}' moves on to itself", next));
      else
        s.destinations[index].onward_to.push_back(static_cast<std::size_t>(n));
    }
  }
  destinations_file = file->name;
  if (t.rows().empty() && errors.empty()) errors.add({file->name, 0, ""}, "defines no destination");
}

// Kinds of leaver (optional): without the file, one kind from the parameters.
void Reader::leavers() {
  auto file = read_optional("leavers.csv");
  if (!file) return;
  CsvTable t = table(*file, {"kind"}, leaver_columns(), {"destinations", "source", "assumption"});
  std::set<std::string> seen;
  double shares = 0;
  for (const auto& r : t.rows()) {
    LeaverKind k;
    k.name = name(t, r, "kind");
    unique(seen, k.name, t.pos(r, "kind"), "kind");
    numbers(t, r, leaver_columns(), k);
    shares += k.share;
    for (const auto& d : split_list(t.cell(r, "destinations"))) {
      const auto at = find(s.destinations, d);
      if (at < 0) errors.add(t.pos(r, "destinations"), fmt::format("unknown destination '{}' (not in destinations.csv)", d));
      else k.destinations.push_back(static_cast<std::size_t>(at));
    }
    const auto source = t.cell(r, "source"), assumption = t.cell(r, "assumption");
    k.rests_on = source.empty() ? assumption : assumption.empty() ? source : source + "; assumed: " + assumption;
    if (k.rests_on.empty())
      errors.add(t.pos(r, "source"), "is empty, as is assumption: say what the kind's numbers rest on");
    s.leaver_kinds.push_back(k);
  }
  if (t.rows().size() > kMaxLeaverKinds)
    errors.add({file->name, 0, ""}, fmt::format("defines {} kinds of leaver; exodus handles at most {}", t.rows().size(),
                                                kMaxLeaverKinds));
  if (t.rows().empty() && errors.empty()) errors.add({file->name, 0, ""}, "defines no kind of leaver");
  // The kinds split every pool: shares that do not sum to one would make or lose people.
  if (!t.rows().empty() && std::abs(shares - 1) > 1e-6 && errors.empty())
    errors.add(t.pos(t.rows().back(), "share"), fmt::format("the kinds' shares sum to {:.6g}, not 1", shares));
}

void Reader::checkpoints() {
  auto file = need("checkpoints.csv");
  if (!file) return;
  CsvTable t = table(*file, {"checkpoint", "destination"}, checkpoint_columns(),
                     {"open", "counted", "weekly_profile", "source", "assumption"});
  std::set<std::string> seen;
  for (const auto& r : t.rows()) {
    Checkpoint c;
    c.name = name(t, r, "checkpoint");
    unique(seen, c.name, t.pos(r, "checkpoint"), "checkpoint");
    const auto dest = name(t, r, "destination");
    const auto d = find(s.destinations, dest);
    if (d < 0 && !dest.empty())
      errors.add(t.pos(r, "destination"), fmt::format("unknown destination '{}' (not in destinations.csv)", dest));
    c.destination = static_cast<std::size_t>(std::max(d, 0));
    numbers(t, r, checkpoint_columns(), c);
    c.open = flag(t, r, "open", true);
    c.counted = flag(t, r, "counted", true);
    weekly_profile(t, r, c);
    s.checkpoints.push_back(c);
  }
  if (t.rows().empty() && errors.empty()) errors.add({file->name, 0, ""}, "defines no checkpoint");
}

void Reader::flights() {
  auto file = read_optional("flights.csv");  // optional: a scenario may have no flights
  if (!file) return;
  CsvTable t = table(*file, {"region", "destination"}, flight_columns(), {"source", "assumption"});
  for (const auto& r : t.rows()) {
    Flight f;
    const auto region = name(t, r, "region");
    const auto dest = name(t, r, "destination");
    const auto g = find(s.regions, region);
    const auto d = find(s.destinations, dest);
    if (g < 0 && !region.empty()) errors.add(t.pos(r, "region"), fmt::format("unknown region '{}'", region));
    if (d < 0 && !dest.empty()) errors.add(t.pos(r, "destination"), fmt::format("unknown destination '{}'", dest));
    f.region = static_cast<std::size_t>(std::max(g, 0));
    f.destination = static_cast<std::size_t>(std::max(d, 0));
    numbers(t, r, flight_columns(), f);
    s.flights.push_back(f);
  }
}

void Reader::events() {
  auto file = read_optional("events.csv");
  if (!file) return;
  CsvTable t(*file, {"date", "kind", "target", "value"}, {"end_date", "note", "source", "assumption"}, errors);
  static const std::map<std::string, EventKind> kKinds = [] {
    std::map<std::string, EventKind> kinds;
    for (auto k : {EventKind::kHazardScale, EventKind::kClose, EventKind::kReopen, EventKind::kThroughput,
                   EventKind::kApproachLimit, EventKind::kExitRefusal, EventKind::kEntryBan, EventKind::kSeats,
                   EventKind::kReturnScale, EventKind::kOrdinaryScale, EventKind::kOrdinaryRefusal})
      kinds[to_string(k)] = k;
    return kinds;
  }();
  for (const auto& r : t.rows()) {
    Event e;
    e.line = r.line;
    const auto d = date(t, r, "date");
    const std::string kind = to_lower(t.cell(r, "kind"));
    const auto k = kKinds.find(kind);
    if (k == kKinds.end()) {
      std::vector<std::string> kinds;
      for (const auto& known : kKinds) kinds.push_back(known.first);
      errors.add(t.pos(r, "kind"), fmt::format("unknown event kind '{}'{}; the kinds are {}", t.cell(r, "kind"),
                                               did_you_mean(kind, kinds), one_of(kinds)));
      continue;
    }
    e.kind = k->second;
    e.target = name(t, r, "target");
    e.note = t.cell(r, "note");
    const bool share = e.kind == EventKind::kExitRefusal || e.kind == EventKind::kEntryBan ||
                       e.kind == EventKind::kOrdinaryRefusal;
    const bool none = e.kind == EventKind::kClose || e.kind == EventKind::kReopen;
    const auto& value = event_columns()[0];
    e.value = none ? 0 : number(t, r, value.name, value.lower, share ? 1 : value.upper);
    if (!d) continue;
    e.date = *d;
    e.day = *d - s.start_date;
    if (window_known && e.day >= s.days)
      errors.add(t.pos(r, "date"), fmt::format("is after the scenario's end_date ({}): the event would never act",
                                               s.end_date.iso()));
    if (!t.cell(r, "end_date").empty()) {
      if (const auto end = date(t, r, "end_date")) {
        e.end_day = *end - s.start_date;
        if (*end < *d) errors.add(t.pos(r, "end_date"), "is before date");
        // (A negative end_day would read as "no end": the event would act for ever.)
        else if (window_known && *end < s.start_date)
          errors.add(t.pos(r, "end_date"), fmt::format("is before the scenario's start_date ({}): the event would "
                                                       "never act",
                                                       s.start_date.iso()));
      }
    }
    // Resolve the target.
    const bool all = e.target == "ALL";
    switch (e.kind) {
      case EventKind::kHazardScale:
        e.index = all ? -1 : find(s.regions, e.target);
        if (!all && e.index < 0) errors.add(t.pos(r, "target"), fmt::format("unknown region '{}'", e.target));
        break;
      case EventKind::kClose: case EventKind::kReopen: case EventKind::kThroughput:
      case EventKind::kApproachLimit:
        e.index = find(s.checkpoints, e.target);
        if (e.index < 0) errors.add(t.pos(r, "target"), fmt::format("unknown checkpoint '{}'", e.target));
        break;
      case EventKind::kExitRefusal:
        e.index = all ? -1 : find(s.checkpoints, e.target);
        if (!all && e.index < 0) errors.add(t.pos(r, "target"), fmt::format("unknown checkpoint '{}'", e.target));
        break;
      case EventKind::kOrdinaryScale:
        // A checkpoint, or a destination: all its crossings and its arrivals by air.
        e.index = all ? -1 : find(s.checkpoints, e.target);
        if (!all && e.index < 0) {
          e.index = find(s.destinations, e.target);
          e.on_destination = true;
          if (e.index < 0)
            errors.add(t.pos(r, "target"), fmt::format("unknown checkpoint or destination '{}'", e.target));
        }
        break;
      case EventKind::kEntryBan: case EventKind::kSeats: case EventKind::kReturnScale: case EventKind::kOrdinaryRefusal:
        e.index = all ? -1 : find(s.destinations, e.target);
        if ((!all || e.kind == EventKind::kEntryBan) && e.index < 0)
          errors.add(t.pos(r, "target"), fmt::format("unknown destination '{}'", e.target));
        break;
    }
    s.events.push_back(e);
  }
  std::stable_sort(s.events.begin(), s.events.end(), [](const Event& a, const Event& b) { return a.day < b.day; });
}

void Reader::targets() {
  auto file = read_optional("targets.csv");
  if (!file) return;
  CsvTable t(*file, {"id", "metric", "place", "window_start", "window_end", "value", "low", "high"},
             {"source", "note"}, errors);
  // Each target metric as a report's metric, and whether its place is a checkpoint.
  struct TargetMetric {
    ReportMetric metric;
    bool at_checkpoint;
    const char* unit;
    const char* counts;  // what the figure counts, as the run table says it
  };
  static const std::map<std::string, TargetMetric> kMetrics = {
      {"entries", {ReportMetric::kEntries, false, "", "entries, all travellers"}},
      {"entries_per_day", {ReportMetric::kEntries, false, "persons_per_day", "entries a day, all travellers"}},
      {"departures", {ReportMetric::kDepartures, false, "", "departures, leavers"}},
      {"processed", {ReportMetric::kEntries, true, "", "crossings, all travellers"}},
      {"queue_vehicles", {ReportMetric::kQueueVehicles, true, "vehicles", "vehicles queued, peak day"}},
      {"queue_km", {ReportMetric::kQueueKm, true, "km", "queue km, peak day"}},
      {"wait_hours", {ReportMetric::kWaitHours, true, "hours", "longest wait (h), peak day"}}};
  const PlaceCatalog places = catalog_of(s);
  for (const auto& r : t.rows()) {
    Target g;
    g.line = r.line;
    g.id = name(t, r, "id");
    g.metric = name(t, r, "metric");
    const auto metric = kMetrics.find(g.metric);
    if (!g.metric.empty() && metric == kMetrics.end()) {
      std::vector<std::string> metrics;
      for (const auto& known : kMetrics) metrics.push_back(known.first);
      errors.add(t.pos(r, "metric"), fmt::format("unknown metric '{}'{}; the metrics are {}", g.metric,
                                                 did_you_mean(g.metric, metrics), one_of(metrics)));
    }
    g.place = name(t, r, "place");
    const auto checkpoint = checkpoint_named(places, g.place);
    const bool destination = unknown_places(places, {g.place}).empty();
    if (!destination && !checkpoint && !g.place.empty())
      errors.add(t.pos(r, "place"), fmt::format("unknown place '{}' (a destination, a group, a checkpoint or ALL)", g.place));
    else if (metric != kMetrics.end() && !g.place.empty() && metric->second.at_checkpoint && !checkpoint)
      errors.add(t.pos(r, "place"), fmt::format("metric {} is measured at a checkpoint; '{}' is not one", g.metric, g.place));
    else if (metric != kMetrics.end() && !g.place.empty() && !metric->second.at_checkpoint && !destination)
      errors.add(t.pos(r, "place"), fmt::format("metric {} is measured in destinations (a destination, a group or ALL); "
                                                "'{}' is a checkpoint (use processed)", g.metric, g.place));
    if (metric != kMetrics.end()) {
      g.report.metric = metric->second.metric;
      g.report.unit = metric->second.unit;
      g.counts = metric->second.counts;
      if (metric->second.at_checkpoint && checkpoint) {
        g.report.checkpoint = g.place;
        // (Its destination may be missing when destinations.csv had errors.)
        const auto dest = s.checkpoints[*checkpoint].destination;
        if (dest < s.destinations.size()) g.report.destinations = {s.destinations[dest].name};
      } else {
        g.report.destinations = {g.place};
      }
    }
    const auto a = date(t, r, "window_start");
    const auto b = date(t, r, "window_end");
    if (a) g.window_start = *a;
    if (b) g.window_end = *b;
    if (a && b && *b < *a) errors.add(t.pos(r, "window_end"), "is before window_start");
    else if (a && b && window_known && (*b < s.start_date || *a > s.end_date))
      errors.add(t.pos(r, *b < s.start_date ? "window_end" : "window_start"),
                 fmt::format("the window {} to {} lies outside the simulated days ({} to {}): the run cannot be "
                             "held against it",
                             a->iso(), b->iso(), s.start_date.iso(), s.end_date.iso()));
    g.value = number(t, r, "value", 0, 1e12);
    g.low = number(t, r, "low", 0, 1e12);
    g.high = number(t, r, "high", 0, 1e12);
    if (g.low > g.high) errors.add(t.pos(r, "high"), "is below low");
    g.source = t.cell(r, "source");
    g.report.line = g.line;
    g.report.id = g.id;
    g.report.window_start = g.window_start;
    g.report.window_end = g.window_end;
    g.report.value = g.value;
    g.report.kind = ReportKind::kCount;
    g.report.quote = g.source;
    s.targets.push_back(g);
  }
}

// Priors (optional): what a calibration varies. Their addresses name rows, so they are read
// once the tables read cleanly.
void Reader::priors() {
  auto file = read_optional("priors.csv");
  if (file) s.priors = read_priors(*file, s, errors);
}

void Reader::check_sizes() {
  const auto too_many = [&](std::size_t count, std::size_t most, const std::string& file, const char* what) {
    if (count > most)
      errors.add({file, 0, ""}, fmt::format("defines {} {}; exodus handles at most {} (each agent stores it in {})",
                                            grouped(static_cast<std::int64_t>(count)), what,
                                            grouped(static_cast<std::int64_t>(most)),
                                            most > 256 ? "two bytes" : "one byte"));
  };
  too_many(s.regions.size(), kMaxRegions, regions_file, "regions");
  too_many(s.destinations.size(), kMaxDestinations, destinations_file, "destinations");
  too_many(s.checkpoints.size(), kMaxCheckpoints, folder.display_name("checkpoints.csv"), "checkpoints");
  if (s.events.size() > kMaxEvents)
    errors.add({folder.display_name("events.csv"), 0, ""},
               fmt::format("defines {} events; exodus handles at most {} (each day walks the events begun so far)",
                           grouped(static_cast<std::int64_t>(s.events.size())),
                           grouped(static_cast<std::int64_t>(kMaxEvents))));
}

// A destination no checkpoint or flight leads to could never receive anyone: almost always a
// name typed differently in two tables.
void Reader::check_reachable() {
  std::vector<bool> reached(s.destinations.size(), false);
  for (const auto& c : s.checkpoints) reached[c.destination] = true;
  for (const auto& f : s.flights) reached[f.destination] = true;
  for (std::size_t d = 0; d < s.destinations.size(); ++d)
    if (!reached[d])
      errors.add({destinations_file, destination_lines[d], "destination"},
                 fmt::format("no checkpoint (checkpoints.csv) or flight (flights.csv) leads to '{}', so nobody "
                             "could ever reach it", s.destinations[d].name));
}

// Every leaver is an agent; refuse a scenario whose pools and hazards would create more than
// the limit allows, before any memory is spent on it.
void Reader::check_agent_count() {
  const LeaverForecast forecast = forecast_leavers(s);
  if (forecast.expected <= static_cast<double>(limits.max_agents)) return;
  const auto r = forecast.largest_region;
  const auto& region = s.regions[r];
  errors.add({regions_file, region_lines[r], region.eligible_pool >= region.other_pool ? "eligible_pool" : "other_pool"},
             fmt::format("the pools and hazards would make about {:.3g} people leave, each an agent (about {:.3g} GB); "
                         "region '{}' alone about {:.3g}; {}",
                         forecast.expected, forecast.expected * kExodusBytesPerAgent / 1e9, region.name,
                         forecast.largest_expected, limit_clause(limits.max_agents, "--max-agents")));
}

Reader read_all(const FileSource& folder, const InputLimits& limits) {
  Reader r{folder, limits, {}, {}, {}, {}, {}, {}, {}, false};
  r.scenario_file();
  r.regions();
  r.destinations();
  r.leavers();
  r.checkpoints();
  r.flights();
  r.events();
  r.targets();
  r.check_sizes();
  if (r.errors.empty()) r.check_reachable();
  if (r.errors.empty()) r.check_agent_count();
  if (r.errors.empty()) r.priors();
  return r;
}

}  // namespace

Scenario read_scenario(const FileSource& folder, const InputLimits& limits) {
  Reader r = read_all(folder, limits);
  r.errors.throw_if_any();
  return std::move(r.s);
}

std::vector<InputError> check_scenario(const FileSource& folder, const InputLimits& limits) {
  return read_all(folder, limits).errors.errors();
}

}  // namespace exodus
