#include "output/exodus_outputs.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/digit_grouping.h"
#include "world/scenario_registry.h"

namespace exodus {

using nlohmann::json;

namespace {

std::string date_of(const Scenario& s, std::size_t day) { return (s.start_date + static_cast<std::int32_t>(day)).iso(); }

std::string num(double v) {
  if (v == static_cast<double>(static_cast<long long>(v)) && std::abs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  return fmt::format("{:.6g}", v);
}

double sum_days(const std::vector<ExodusDay>& days, std::size_t first, std::size_t last,
                const std::function<double(const ExodusDay&)>& f) {
  double s = 0;
  for (std::size_t d = first; d <= last && d < days.size(); ++d) s += f(days[d]);
  return s;
}

struct Peak {
  double value = 0;
  std::size_t day = 0;
};
Peak peak_of(const std::vector<ExodusDay>& days, const std::function<double(const ExodusDay&)>& f) {
  Peak p;
  for (std::size_t d = 0; d < days.size(); ++d)
    if (f(days[d]) > p.value) p = {f(days[d]), d};
  return p;
}

}  // namespace

std::string exodus_daily_csv(const Scenario& s, const std::vector<ExodusDay>& days) {
  std::string out = "date,day,kind,place,metric,value\n";
  for (std::size_t d = 0; d < days.size(); ++d) {
    const auto& x = days[d];
    const std::string date = date_of(s, d);
    const auto row = [&](const char* kind, const std::string& place, const char* metric, double v) {
      out += fmt::format("{},{},{},\"{}\",{},{}\n", date, d, kind, place, metric, num(v));
    };
    using Series = std::vector<double> ExodusDay::*;
    static const std::pair<const char*, Series> kDestination[] = {
        {"entries", &ExodusDay::entries}, {"entries_leavers", &ExodusDay::entries_leavers},
        {"onward", &ExodusDay::onward}, {"returns", &ExodusDay::returns},
        {"stock_leavers", &ExodusDay::stock_leavers}};
    static const std::pair<const char*, Series> kCheckpoint[] = {
        {"joined", &ExodusDay::joined}, {"turned_away", &ExodusDay::turned_away},
        {"processed", &ExodusDay::processed}, {"processed_leavers", &ExodusDay::processed_leavers},
        {"refused", &ExodusDay::refused}, {"queue_persons", &ExodusDay::queue_persons},
        {"queue_vehicles", &ExodusDay::queue_vehicles}, {"wait_mean_hours", &ExodusDay::wait_mean_hours},
        {"wait_max_hours", &ExodusDay::wait_max_hours}, {"capacity", &ExodusDay::capacity}};
    static const std::pair<const char*, Series> kFlight[] = {
        {"demand", &ExodusDay::flight_demand}, {"flown", &ExodusDay::flight_flown}, {"price", &ExodusDay::flight_price}};
    row("total", "ALL", "deciders", x.deciders);
    row("total", "ALL", "departures", x.departures);
    row("total", "ALL", "gave_up", x.gave_up);
    for (std::size_t k = 0; k < s.destinations.size(); ++k)
      for (const auto& [metric, series] : kDestination) row("destination", s.destinations[k].name, metric, (x.*series)[k]);
    for (std::size_t c = 0; c < s.checkpoints.size(); ++c)
      for (const auto& [metric, series] : kCheckpoint) row("checkpoint", s.checkpoints[c].name, metric, (x.*series)[c]);
    for (std::size_t f = 0; f < s.flights.size(); ++f) {
      const auto name = s.regions[s.flights[f].region].name + " -> " + s.destinations[s.flights[f].destination].name;
      for (const auto& [metric, series] : kFlight) row("flight", name, metric, (x.*series)[f]);
    }
  }
  return out;
}

std::string exodus_summary_json(const Scenario& s, const ExodusRunResult& run,
                                const std::vector<TargetResult>& targets) {
  const auto& days = run.days;
  const std::size_t last = days.empty() ? 0 : days.size() - 1;
  const auto shock = static_cast<std::size_t>(std::max(0, s.shock_day));
  json destinations = json::array();
  for (std::size_t k = 0; k < s.destinations.size(); ++k) {
    json totals = json::object();
    for (int after : {7, 14, 30, 100}) {
      const std::size_t end = std::min(last, shock + static_cast<std::size_t>(after) - 1);
      totals[fmt::format("entries_leavers_first_{}_days", after)] =
          sum_days(days, shock, end, [&](const ExodusDay& x) { return x.entries_leavers[k]; });
    }
    destinations.push_back({{"destination", s.destinations[k].name},
                            {"entries", sum_days(days, 0, last, [&](const ExodusDay& x) { return x.entries[k]; })},
                            {"entries_leavers", sum_days(days, 0, last, [&](const ExodusDay& x) { return x.entries_leavers[k]; })},
                            {"onward", sum_days(days, 0, last, [&](const ExodusDay& x) { return x.onward[k]; })},
                            {"returns", sum_days(days, 0, last, [&](const ExodusDay& x) { return x.returns[k]; })},
                            {"stock_leavers_at_end", days.empty() ? 0.0 : days[last].stock_leavers[k]},
                            {"after_shock", totals}});
  }
  json checkpoints = json::array();
  for (std::size_t c = 0; c < s.checkpoints.size(); ++c) {
    const auto q = peak_of(days, [&](const ExodusDay& x) { return x.queue_vehicles[c]; });
    const auto w = peak_of(days, [&](const ExodusDay& x) { return x.wait_max_hours[c]; });
    checkpoints.push_back({{"checkpoint", s.checkpoints[c].name},
                           {"processed", sum_days(days, 0, last, [&](const ExodusDay& x) { return x.processed[c]; })},
                           {"peak_queue_vehicles", q.value},
                           {"peak_queue_date", date_of(s, q.day)},
                           {"peak_wait_hours", w.value},
                           {"peak_wait_date", date_of(s, w.day)},
                           {"refused", sum_days(days, 0, last, [&](const ExodusDay& x) { return x.refused[c]; })},
                           {"turned_away", sum_days(days, 0, last, [&](const ExodusDay& x) { return x.turned_away[c]; })}});
  }
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
  for (int after : {7, 14, 30, 100}) {
    const std::size_t end = std::min(last, shock + static_cast<std::size_t>(after) - 1);
    totals[fmt::format("departures_first_{}_days", after)] =
        sum_days(days, shock, end, [](const ExodusDay& x) { return x.departures; });
  }
  const auto at = [&](const char* iso) -> json {
    const auto d = Date::parse(iso);
    if (!d || *d < s.start_date) return nullptr;
    const auto end = static_cast<std::size_t>(*d - s.start_date);
    if (end > last) return nullptr;
    return sum_days(days, 0, end, [](const ExodusDay& x) { return x.departures; });
  };
  const json summary = {
      {"scenario", s.name},
      {"days", run.days_run},
      {"wall_seconds", run.wall_seconds},
      {"leavers_simulated", run.leavers},
      {"pool_left", run.pool_left},
      {"departures", sum_days(days, 0, last, [](const ExodusDay& x) { return x.departures; })},
      {"departures_by_2022_10_31", at("2022-10-31")},
      {"departures_by_2022_12_31", at("2022-12-31")},
      {"onward", sum_days(days, 0, last, [&](const ExodusDay& x) { double n = 0; for (double v : x.onward) n += v; return n; })},
      {"returns", sum_days(days, 0, last, [&](const ExodusDay& x) { double n = 0; for (double v : x.returns) n += v; return n; })},
      {"gave_up", sum_days(days, 0, last, [](const ExodusDay& x) { return x.gave_up; })},
      {"after_shock", totals},
      {"destinations", destinations},
      {"checkpoints", checkpoints},
      {"targets", {{"passed", passed}, {"total", targets.size()}, {"rows", target_rows}}}};
  return summary.dump(2) + "\n";
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
  return manifest.dump(2) + "\n";
}

std::string exodus_table(const Scenario& s, const ExodusRunResult& run, const std::vector<TargetResult>& targets) {
  const auto& days = run.days;
  if (days.empty()) return "no day simulated\n";
  const std::size_t last = days.size() - 1;
  const auto shock = static_cast<std::size_t>(std::max(0, s.shock_day));
  const std::size_t week_end = std::min(last, shock + 6);
  std::string out;
  out += fmt::format("\n  {:<14} {:>12} {:>12} {:>12} {:>10} {:>10}\n", "destination", "week 1", "by " + date_of(s, last).substr(5),
                     "all entries", "onward", "returns");
  out += fmt::format("  {:<14} {:>12} {:>12} {:>12} {:>10} {:>10}\n", "", "(leavers)", "(leavers)", "(counted)", "", "");
  std::vector<std::size_t> order(s.destinations.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  const auto leavers = [&](std::size_t k) { return sum_days(days, 0, last, [&](const ExodusDay& x) { return x.entries_leavers[k]; }); };
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return leavers(a) > leavers(b); });
  for (const auto k : order) {
    out += fmt::format("  {:<14} {:>12} {:>12} {:>12} {:>10} {:>10}\n", s.destinations[k].name,
                       grouped(std::llround(sum_days(days, shock, week_end, [&](const ExodusDay& x) { return x.entries_leavers[k]; }))),
                       grouped(std::llround(leavers(k))),
                       grouped(std::llround(sum_days(days, 0, last, [&](const ExodusDay& x) { return x.entries[k]; }))),
                       grouped(std::llround(sum_days(days, 0, last, [&](const ExodusDay& x) { return x.onward[k]; }))),
                       grouped(std::llround(sum_days(days, 0, last, [&](const ExodusDay& x) { return x.returns[k]; }))));
  }
  out += fmt::format("\n  {:<26} {:>14} {:>12} {:>14} {:>12}\n", "checkpoint", "peak queue", "on", "peak wait", "on");
  for (std::size_t c = 0; c < s.checkpoints.size(); ++c) {
    const auto q = peak_of(days, [&](const ExodusDay& x) { return x.queue_vehicles[c]; });
    const auto w = peak_of(days, [&](const ExodusDay& x) { return x.wait_max_hours[c]; });
    if (q.value < 1 && w.value < 1) continue;
    out += fmt::format("  {:<26} {:>9} veh. {:>12} {:>12.1f} h {:>12}\n", s.checkpoints[c].name,
                       grouped(std::llround(q.value)), date_of(s, q.day), w.value, date_of(s, w.day));
  }
  const double departures = sum_days(days, 0, last, [](const ExodusDay& x) { return x.departures; });
  const double onward = sum_days(days, 0, last, [](const ExodusDay& x) { double n = 0; for (double v : x.onward) n += v; return n; });
  const double returns = sum_days(days, 0, last, [](const ExodusDay& x) { double n = 0; for (double v : x.returns) n += v; return n; });
  out += fmt::format("\n  departures {}  (first week {}), moved on {}, returned {}, gave up {}\n",
                     grouped(std::llround(departures)),
                     grouped(std::llround(sum_days(days, shock, week_end, [](const ExodusDay& x) { return x.departures; }))),
                     grouped(std::llround(onward)), grouped(std::llround(returns)),
                     grouped(std::llround(sum_days(days, 0, last, [](const ExodusDay& x) { return x.gave_up; }))));
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
