#include "exodus/output/inputs_json.h"
#include "exodus/output/exodus_outputs.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "exodus/core/csv.h"
#include "exodus/core/digit_grouping.h"
#include "exodus/world/scenario_registry.h"
#include "exodus/output/json_text.h"
#include "exodus/output/run_report_fit_outputs.h"

namespace exodus {

using nlohmann::json;

namespace {

std::string date_of(const Scenario& s, std::size_t day) { return (s.start_date + static_cast<std::int32_t>(day)).iso(); }

std::string num(double v) {
  if (v == static_cast<double>(static_cast<long long>(v)) && std::abs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  return fmt::format("{:.6g}", v);
}

}  // namespace

std::string exodus_daily_csv(const SeriesTable& record) {
  std::string out = "date,day,kind,place,metric,value\n";
  for (std::size_t d = 0; d < record.days(); ++d) {
    const std::string date = (record.start() + static_cast<std::int32_t>(d)).iso();
    for (const auto& s : record.series())
      out += fmt::format("{},{},{},{},{},{}\n", date, d, to_string(s.kind), csv_field(s.place, true), s.metric,
                         num(s.values[d]));
  }
  return out;
}

std::string exodus_places_csv(const Scenario& s) {
  std::string out = "kind,place,latitude,longitude,leads_to\n";
  const auto row = [&](const char* kind, const std::string& place, double latitude, double longitude, const std::string& to) {
    const bool known = !std::isnan(latitude) && !std::isnan(longitude);
    out += fmt::format("{},{},{},{},{}\n", kind, csv_field(place, true), known ? fmt::format("{}", latitude) : "",
                       known ? fmt::format("{}", longitude) : "", csv_field(to, true));
  };
  for (const auto& r : s.regions) row("region", r.name, r.latitude, r.longitude, "");
  for (const auto& c : s.checkpoints)
    row("checkpoint", c.name, c.latitude, c.longitude, s.destinations[c.destination].name);
  for (const auto& d : s.destinations) row("destination", d.name, d.latitude, d.longitude, "");
  return out;
}

std::string exodus_summary_json(const Scenario& s, const ExodusRunResult& run, const ExodusRunSummary& sum,
                                const std::vector<TargetResult>& targets, const std::vector<RunReportFit>& reports) {
  json destinations = json::array();
  for (const auto& d : sum.destinations) {
    json totals = json::object();
    for (std::size_t i = 0; i < kDaysAfterShock.size(); ++i)
      totals[fmt::format("entries_leavers_first_{}_days", kDaysAfterShock[i])] = d.leavers_after_shock[i];
    destinations.push_back({{"destination", d.name},
                            {"entries", d.entries},
                            {"entries_leavers", d.entries_leavers},
                            {"onward_in", d.onward_in},
                            {"onward", d.onward},
                            {"returns", d.returns},
                            {"exits", d.exits},
                            {"net_arrivals", d.net_arrivals},
                            {"stock_at_end", d.stock_at_end},
                            {"after_shock", totals}});
  }
  json kinds = json::array();
  for (const auto& k : sum.kinds)
    kinds.push_back({{"kind", k.name},
                     {"deciders", k.deciders},
                     {"departures", k.departures},
                     {"share_of_departures", sum.departures > 0 ? k.departures / sum.departures : 0.0},
                     {"rests_on", k.rests_on}});
  json checkpoints = json::array();
  for (const auto& c : sum.checkpoints)
    checkpoints.push_back({{"checkpoint", c.name},
                           {"processed", c.processed},
                           {"peak_queue_vehicles", c.queue_vehicles.value},
                           {"peak_queue_date", date_of(s, c.queue_vehicles.day)},
                           {"peak_queue_km", c.queue_km.value},
                           {"peak_wait_hours", c.wait_hours.value},
                           {"peak_wait_date", date_of(s, c.wait_hours.day)},
                           {"median_wait_hours_on_peak_date", c.wait_median_on_peak},
                           {"capacity_on_peak_date", c.capacity_on_peak},
                           {"refused", c.refused},
                           {"turned_away", c.turned_away}});
  json target_rows = json::array();
  int passed = 0;
  for (const auto& t : targets) {
    passed += t.pass;
    target_rows.push_back({{"id", t.target->id}, {"metric", t.target->metric}, {"place", t.target->place},
                           {"window", t.target->window_start.iso() + "/" + t.target->window_end.iso()},
                           {"observed", t.target->value}, {"low", t.target->low}, {"high", t.target->high},
                           {"counts", t.target->counts}, {"simulated", t.simulated}, {"pass", t.pass},
                           {"checks", t.checks_inputs ? "inputs" : "model"}});
  }
  json totals = json::object();
  for (std::size_t i = 0; i < kDaysAfterShock.size(); ++i)
    totals[fmt::format("departures_first_{}_days", kDaysAfterShock[i])] = sum.departures_after_shock[i];
  json by_month_end = json::object();
  for (const auto& [date, departures] : sum.departures_by_month_end) by_month_end[date.iso()] = departures;
  const json summary = {
      {"scenario", s.name},
      {"days", run.days_run},
      {"wall_seconds", run.wall_seconds},
      {"leavers_simulated", run.leavers},
      {"pool_left", run.pool_left},
      {"departures", sum.departures},
      {"departures_by_month_end", by_month_end},
      {"onward", sum.onward},
      {"returns", sum.returns},
      {"gave_up", sum.gave_up},
      {"after_shock", totals},
      {"leaver_kinds", kinds},
      {"destinations", destinations},
      {"checkpoints", checkpoints},
      {"targets", {{"passed", passed}, {"total", targets.size()}, {"rows", target_rows}}},
      {"reports", run_reports_fit_json(reports)}};
  return json_text(summary);
}

std::string exodus_manifest_json(const Scenario& s, const RunIdentity& id) {
  const json inputs = inputs_json(id);
  json parameters = json::object();
  for (const auto& p : scenario_parameters()) {
    if (p.integer()) parameters[p.name] = static_cast<std::int64_t>(p.get(s.parameters));
    else parameters[p.name] = p.get(s.parameters);
  }
  const json manifest = {
      {"exodus_version", EXODUS_VERSION},
      {"rule_set", "exodus"},
      {"scenario", s.name},
      {"folder", s.folder},
      {"command", id.command_line},
      {"seed", id.seed},
      {"threads", id.threads},
      {"start_date", s.start_date.iso()},
      {"end_date", s.end_date.iso()},
      {"shock_date", s.shock_date.iso()},
      {"parameters", parameters},
      {"inputs", inputs},
      {"outputs", id.outputs}};
  return json_text(manifest);
}

namespace {
// Figures that come straight from assumed shares: two significant digits say how well known
// they are.
std::string about(double v) {
  if (v < 100) return grouped(std::llround(v));
  const double scale = std::pow(10.0, std::floor(std::log10(v)) - 1);
  return grouped(std::llround(std::round(v / scale) * scale));
}
std::string month_day(const Scenario& s, std::size_t day) { return date_of(s, day).substr(5); }
}  // namespace

std::string exodus_table(const Scenario& s, const ExodusRunSummary& sum, const std::vector<TargetResult>& targets) {
  if (sum.days == 0) return "no day simulated\n";
  const std::size_t last = sum.days - 1;
  const auto shock = static_cast<std::size_t>(std::max(0, s.shock_day));
  const std::size_t week_end = std::min(last, shock + static_cast<std::size_t>(kDaysAfterShock[0]) - 1);
  std::string out;
  out += fmt::format("\n  {:<14} {:>13} {:>13} {:>13} {:>13} {:>13} {:>10} {:>10}\n", "destination", "leavers in",
                     "leavers in", "all entries", "all exits", "net arrivals", "moved on", "went home");
  out += fmt::format("  {:<14} {:>13} {:>13} {:>13} {:>13} {:>13} {:>10} {:>10}\n", "",
                     month_day(s, shock) + "–" + month_day(s, week_end), "to " + date_of(s, last),
                     "to " + date_of(s, last), "to " + date_of(s, last), "of leavers", "(assumed)", "(assumed)");
  std::vector<const DestinationSummary*> order;
  for (const auto& d : sum.destinations) order.push_back(&d);
  std::stable_sort(order.begin(), order.end(), [](auto a, auto b) { return a->entries_leavers > b->entries_leavers; });
  for (const auto* d : order)
    out += fmt::format("  {:<14} {:>13} {:>13} {:>13} {:>13} {:>13} {:>10} {:>10}\n", d->name,
                       grouped(std::llround(d->leavers_after_shock[0])), grouped(std::llround(d->entries_leavers)),
                       grouped(std::llround(d->entries)), grouped(std::llround(d->exits)),
                       grouped(std::llround(d->net_arrivals)), about(d->onward), about(d->returns));
  out += fmt::format(
      "  leavers in: leavers entering, in the first {} days from the shock ({}) and over the whole run.\n"
      "  all entries: leavers and the ordinary travellers the scenario models (its crossings' baseline_per_day\n"
      "    and its destinations' baseline_air_per_day; other air passengers are not modelled), and leavers\n"
      "    moving on from another destination (a transit is counted in both, as border counts do).\n"
      "  all exits: leavers moving on or going home, and ordinary travellers leaving (1/ordinary_stay_days\n"
      "    of those present a day: an assumption). net arrivals: leavers only, entries less exits.\n"
      "  moved on, went home: leavers leaving again, from each destination's assumed onward and return shares\n"
      "    (two significant digits).\n",
      kDaysAfterShock[0], date_of(s, shock));

  out += fmt::format("\n  {:<26} {:>10} {:>8} {:>6} {:>10} {:>8} {:>6} {:>12}\n", "checkpoint", "peak queue", "", "on",
                     "peak wait", "median", "on", "capacity");
  out += fmt::format("  {:<26} {:>10} {:>8} {:>6} {:>10} {:>8} {:>6} {:>12}\n", "", "vehicles", "km", "", "hours",
                     "hours", "", "persons/day");
  for (const auto& c : sum.checkpoints) {
    if (c.queue_vehicles.value < 1 && c.wait_hours.value < 1) continue;
    out += fmt::format("  {:<26} {:>10} {:>8.1f} {:>6} {:>10.0f} {:>8.0f} {:>6} {:>12}\n", c.name,
                       grouped(std::llround(c.queue_vehicles.value)), c.queue_km.value, month_day(s, c.queue_vehicles.day),
                       c.wait_hours.value, c.wait_median_on_peak, month_day(s, c.wait_hours.day),
                       grouped(std::llround(c.capacity_on_peak)));
  }
  out += fmt::format(
      "  peaks over every day of the run ({} to {}): the queue at the end of a day, in vehicles and in km\n"
      "    (vehicles x metres_per_vehicle / lanes); the peak wait, the longest anyone crossing that day had\n"
      "    waited (what a target on a wait compares, over its own days); median, the wait half of that\n"
      "    day's crossers exceeded; capacity, what the crossing could serve that day.\n",
      date_of(s, 0), date_of(s, last));
  out += fmt::format("\n  leavers: {} crossed a border or flew out ({} in the first {} days from the shock);\n"
                     "    {} gave up (turned back at a queue, or refused, and did not try again);\n"
                     "    of those who crossed, about {} moved on and {} went home (assumed shares)\n",
                     grouped(std::llround(sum.departures)),
                     grouped(std::llround(sum.departures_after_shock[0])), kDaysAfterShock[0], grouped(std::llround(sum.gave_up)),
                     about(sum.onward), about(sum.returns));
  if (!sum.departures_by_month_end.empty()) {
    out += "    crossed by the end of";
    for (const auto& [date, departures] : sum.departures_by_month_end)
      out += fmt::format(" {} {};", date.iso().substr(5), grouped(std::llround(departures)));
    out.back() = '\n';
  }
  if (sum.kinds.size() > 1) {
    out += "  kinds of leaver (leavers.csv), their share of those who crossed, and what each rests on:\n";
    for (const auto& k : sum.kinds)
      out += fmt::format("    {:<14} {:>5.1f}%  {}\n", k.name, sum.departures > 0 ? 100 * k.departures / sum.departures : 0.0,
                         k.rests_on);
  }
  if (!targets.empty()) {
    int passed = 0, model = 0, inputs = 0, inputs_passed = 0;
    for (const auto& t : targets) {
      (t.checks_inputs ? inputs : model) += 1;
      (t.checks_inputs ? inputs_passed : passed) += t.pass;
    }
    out += fmt::format("\n  targets: {} of {} within range", passed, model);
    if (inputs > 0)
      out += fmt::format("; {} of {} more check the inputs\n  ('input': before the shock the run's figure is the "
                         "scenario's own ordinary traffic, which it sets)", inputs_passed, inputs);
    out += "\n";
    for (const auto& t : targets) {
      const char* verdict = t.checks_inputs ? (t.pass ? "input" : "MISS ") : (t.pass ? "ok   " : "MISS ");
      const Target& g = *t.target;
      out += fmt::format("  {} {:<24} {:<30} {:>11}  observed {:>9}  simulated {:>9}  range [{}, {}]\n", verdict, g.id,
                         g.counts, g.window_start.iso().substr(5) + "–" + g.window_end.iso().substr(5),
                         grouped(std::llround(g.value)), grouped(std::llround(t.simulated)), grouped(std::llround(g.low)),
                         grouped(std::llround(g.high)));
    }
  }
  return out;
}

}  // namespace exodus
