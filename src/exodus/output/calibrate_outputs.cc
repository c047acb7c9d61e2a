#include "exodus/output/inputs_json.h"
#include "exodus/output/calibrate_outputs.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "exodus/core/csv.h"
#include "exodus/core/digit_grouping.h"
#include "exodus/output/forecast_summary.h"
#include "exodus/output/interval_json.h"
#include "exodus/output/json_text.h"

namespace exodus {

using nlohmann::json;

namespace {


// The parameters in order of how far the reports moved them: shift plus narrowing.
std::vector<std::size_t> by_movement(const CalibrationResult& c) {
  std::vector<std::size_t> order(c.parameters.size());
  std::iota(order.begin(), order.end(), 0);
  const auto moved = [&](std::size_t i) { return std::abs(c.parameters[i].shift) + std::max(0.0, 1 - c.parameters[i].width_ratio); };
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return moved(a) > moved(b); });
  return order;
}

}  // namespace

std::string calibrate_posterior_csv(const CalibrationResult& c) {
  std::string out = "member,weight,log_likelihood,run_seed";
  for (const auto& p : c.priors) out += "," + csv_field(p.address);
  out += "\n";
  for (std::size_t m = 0; m < c.smc.x.size(); ++m) {
    out += fmt::format("{},{:.6g},{:.10g},{}", m, c.smc.weights[m], c.smc.log_likelihood[m], c.smc.run_seed[m]);
    for (std::size_t d = 0; d < c.priors.size(); ++d) out += fmt::format(",{:.8g}", value_of(c.priors[d], c.smc.x[m][d]));
    out += "\n";
  }
  return out;
}

std::string calibrate_summary_json(const CalibrationResult& c) {
  json parameters = json::array();
  for (const auto& p : c.parameters) {
    const auto& prior = c.priors[p.prior];
    parameters.push_back({{"parameter", prior.address},
                          {"prior", {{"shape", to_string(prior.shape)}, {"center", prior.center}, {"spread", prior.spread},
                                     {"lower", prior.lower}, {"upper", prior.upper}, {"interval", interval_json(p.prior_interval)}}},
                          {"posterior", interval_json(p.posterior_interval)},
                          {"shift", p.shift},
                          {"width_ratio", p.width_ratio},
                          {"needs_simulation", p.prior < c.simulated_coordinates},
                          {"reasoning", prior.reasoning}});
  }
  json stages = json::array();
  for (const auto& s : c.smc.stages)
    stages.push_back({{"stage", s.stage}, {"temperature", s.temperature}, {"ess", s.ess}, {"moves", s.moves},
                      {"acceptance", s.acceptance},
                      {"independent_acceptance", s.independent_acceptance}, {"simulations", s.simulations}, {"seconds", s.seconds}});
  json flagged = json::array();
  std::size_t used = 0;
  for (const auto& f : c.fits) {
    used += f.used;
    if (f.flagged) flagged.push_back({{"id", c.fitted.reports[f.report].id}, {"tail_probability", f.tail}});
  }
  const json summary = {
      {"scenario", c.scenario},
      {"as_of", c.as_of ? json(c.as_of->iso()) : json(nullptr)},
      {"future_events", c.as_of ? (c.keep_future_events ? "kept" : "dropped") : "all kept (no as-of date)"},
      {"dropped", c.dropped},
      {"reports", {{"fitted", c.fitted.reports.size()}, {"compared", used}, {"published_after_as_of", c.after_as_of},
                   {"flagged", flagged}}},
      {"method", "sequential Monte Carlo with likelihood tempering (Del Moral, Doucet & Jasra 2006), adaptive "
                 "temperatures, systematic resampling, random-walk Metropolis moves (docs/calibrate.md)"},
      {"members", c.smc.x.size()},
      {"simulations", c.smc.simulations},
      {"sampling_run_days", c.horizon_days},
      {"forecast_runs", c.forecast_runs},
      {"people_per_agent", c.people_per_agent},
      {"budget", c.budget},
      {"reached_posterior", c.smc.reached_posterior},
      {"effective_sample_size", c.smc.ess},
      {"final_stage_ess", c.smc.stages.empty() ? json(nullptr) : json(c.smc.stages.back().ess)},
      {"log_evidence", c.smc.log_evidence},
      {"simulations_refused_by_limit", c.refused_by_limit},
      {"seconds", c.smc.seconds},
      {"simulations_per_second", c.smc.seconds > 0 ? static_cast<double>(c.smc.simulations) / c.smc.seconds : 0.0},
      {"stages", stages},
      {"parameters", parameters},
      {"totals", totals_json(c.totals)},
      {"intervals_include",
       "the parameters' posterior, each run's randomness, and the model's discrepancy (fitted per metric; drawn from its "
       "prior for metrics no report fitted): forecast.csv says which"}};
  return json_text(summary);
}

std::string calibrate_manifest_json(const CalibrationResult& c, const RunIdentity& id) {
  const json inputs = inputs_json(id);
  const json m = {{"exodus_version", EXODUS_VERSION},
                  {"verb", "calibrate"},
                  {"scenario", c.scenario},
                  {"folder", id.settings_origin},
                  {"command", id.command_line},
                  {"seed", id.seed},
                  {"threads", id.threads},
                  {"ranks", id.ranks},
                  {"member_runs_on_other_ranks", id.member_runs_on_other_ranks},
                  {"bytes_between_ranks", id.bytes_between_ranks},
                  {"members", c.smc.x.size()},
                  {"budget", c.budget},
                  {"as_of", c.as_of ? json(c.as_of->iso()) : json(nullptr)},
                  {"resumed_after_stage", c.smc.resumed_after_stage < 0 ? json(nullptr) : json(c.smc.resumed_after_stage)},
                  {"inputs", inputs},
                  {"outputs", id.outputs}};
  return json_text(m);
}

std::string calibrate_table(const CalibrationResult& c) {
  std::string out = fmt::format("\n  {:<52} {:>23} {:>23}\n", "parameters that moved most", "prior 90%", "posterior 90% (median)");
  const auto order = by_movement(c);
  for (std::size_t k = 0; k < order.size() && k < 8; ++k) {
    const auto& p = c.parameters[order[k]];
    const auto& a = p.prior_interval;
    const auto& b = p.posterior_interval;
    out += fmt::format("  {:<52} {:>23} {:>23}\n", c.priors[p.prior].address, table_number(a.lo90) + " to " + table_number(a.hi90),
                       table_number(b.lo90) + " to " + table_number(b.hi90) + " (" + table_number(b.median) + ")");
  }
  out += totals_table(c.totals, "departures");
  out += misfits_table(c.fitted, c.fits, "fitted report");
  out += fmt::format("\n  {} members, {} simulations, {:.1f} s; {}\n", c.smc.x.size(), c.smc.simulations, c.smc.seconds,
                     c.smc.reached_posterior ? "reached the posterior"
                                             : fmt::format("the budget ran out before the posterior: importance weights carry "
                                                           "the rest (effective sample size {:.1f})", c.smc.ess));
  out += "  intervals include the parameters' posterior, each run's randomness and the model's discrepancy\n";
  return out;
}

}  // namespace exodus
