#include "exodus/output/exodus_outputs.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "exodus/core/digit_grouping.h"
#include "exodus/world/scenario_registry.h"
#include "exodus/output/json_text.h"

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
      out += fmt::format("{},{},{},\"{}\",{},{}\n", date, d, to_string(s.kind), s.place, s.metric, num(s.values[d]));
  }
  return out;
}

std::string exodus_summary_json(const Scenario& s, const ExodusRunResult& run, const ExodusRunSummary& sum,
                                const std::vector<TargetResult>& targets) {
  json destinations = json::array();
  for (const auto& d : sum.destinations) {
    json totals = json::object();
    for (std::size_t i = 0; i < kDaysAfterShock.size(); ++i)
      totals[fmt::format("entries_leavers_first_{}_days", kDaysAfterShock[i])] = d.leavers_after_shock[i];
    destinations.push_back({{"destination", d.name},
                            {"entries", d.entries},
                            {"entries_leavers", d.entries_leavers},
                            {"onward", d.onward},
                            {"returns", d.returns},
                            {"stock_leavers_at_end", d.stock_leavers_at_end},
                            {"after_shock", totals}});
  }
  json checkpoints = json::array();
  for (const auto& c : sum.checkpoints)
    checkpoints.push_back({{"checkpoint", c.name},
                           {"processed", c.processed},
                           {"peak_queue_vehicles", c.queue_vehicles.value},
                           {"peak_queue_date", date_of(s, c.queue_vehicles.day)},
                           {"peak_wait_hours", c.wait_max_hours.value},
                           {"peak_wait_date", date_of(s, c.wait_max_hours.day)},
                           {"refused", c.refused},
                           {"turned_away", c.turned_away}});
  json target_rows = json::array();
  int passed = 0;
  for (const auto& t : targets) {
    passed += t.pass;
    target_rows.push_back({{"id", t.target->id}, {"metric", t.target->metric}, {"place", t.target->place},
                           {"window", t.target->window_start.iso() + "/" + t.target->window_end.iso()},
                           {"observed", t.target->value}, {"low", t.target->low}, {"high", t.target->high},
                           {"simulated", t.simulated}, {"pass", t.pass}});
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
      {"destinations", destinations},
      {"checkpoints", checkpoints},
      {"targets", {{"passed", passed}, {"total", targets.size()}, {"rows", target_rows}}}};
  return json_text(summary);
}

std::string exodus_manifest_json(const Scenario& s, const RunIdentity& id) {
  json inputs = json::array();
  for (const auto& r : id.inputs) inputs.push_back({{"file", r.name}, {"bytes", r.bytes}, {"sha256", r.sha256}});
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
      {"inputs", inputs}};
  return json_text(manifest);
}

std::string exodus_table(const Scenario& s, const ExodusRunSummary& sum, const std::vector<TargetResult>& targets) {
  if (sum.days == 0) return "no day simulated\n";
  const std::size_t last = sum.days - 1;
  std::string out;
  out += fmt::format("\n  {:<14} {:>12} {:>12} {:>12} {:>10} {:>10}\n", "destination", "week 1", "by " + date_of(s, last).substr(5),
                     "all entries", "onward", "returns");
  out += fmt::format("  {:<14} {:>12} {:>12} {:>12} {:>10} {:>10}\n", "", "(leavers)", "(leavers)", "(counted)", "", "");
  std::vector<const DestinationSummary*> order;
  for (const auto& d : sum.destinations) order.push_back(&d);
  std::stable_sort(order.begin(), order.end(), [](auto a, auto b) { return a->entries_leavers > b->entries_leavers; });
  for (const auto* d : order)
    out += fmt::format("  {:<14} {:>12} {:>12} {:>12} {:>10} {:>10}\n", d->name, grouped(std::llround(d->leavers_after_shock[0])),
                       grouped(std::llround(d->entries_leavers)), grouped(std::llround(d->entries)),
                       grouped(std::llround(d->onward)), grouped(std::llround(d->returns)));
  out += fmt::format("\n  {:<26} {:>14} {:>12} {:>14} {:>12}\n", "checkpoint", "peak queue", "on", "peak wait", "on");
  for (const auto& c : sum.checkpoints) {
    if (c.queue_vehicles.value < 1 && c.wait_max_hours.value < 1) continue;
    out += fmt::format("  {:<26} {:>9} veh. {:>12} {:>12.1f} h {:>12}\n", c.name, grouped(std::llround(c.queue_vehicles.value)),
                       date_of(s, c.queue_vehicles.day), c.wait_max_hours.value, date_of(s, c.wait_max_hours.day));
  }
  out += fmt::format("\n  departures {}  (first week {}), moved on {}, returned {}, gave up {}\n",
                     grouped(std::llround(sum.departures)), grouped(std::llround(sum.departures_after_shock[0])),
                     grouped(std::llround(sum.onward)), grouped(std::llround(sum.returns)),
                     grouped(std::llround(sum.gave_up)));
  if (!targets.empty()) {
    int passed = 0;
    for (const auto& t : targets) passed += t.pass;
    out += fmt::format("\n  targets: {} of {} within range\n", passed, targets.size());
    for (const auto& t : targets)
      out += fmt::format("  {} {:<26} observed {:>9}  simulated {:>9}  range [{}, {}]\n", t.pass ? "ok  " : "MISS",
                         t.target->id, grouped(std::llround(t.target->value)), grouped(std::llround(t.simulated)),
                         grouped(std::llround(t.target->low)), grouped(std::llround(t.target->high)));
  }
  return out;
}

}  // namespace exodus
