#include "exodus/output/inputs_json.h"
#include "exodus/output/calibrate_outputs.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "exodus/core/csv.h"
#include "exodus/core/digit_grouping.h"
#include "exodus/output/calibration_summary.h"
#include "exodus/output/forecast_summary.h"
#include "exodus/output/interval_json.h"
#include "exodus/output/json_text.h"

namespace exodus {

using nlohmann::json;

std::string calibrate_posterior_csv(const CalibrationResult& c) {
  return posterior_csv(c.priors, c.smc, [&](std::size_t m, std::size_t d) { return value_of(c.priors[d], c.smc.x[m][d]); });
}

std::string calibrate_summary_json(const CalibrationResult& c) {
  json flagged = json::array();
  std::size_t used = 0;
  for (const auto& f : c.fits) {
    used += f.used;
    if (f.flagged) flagged.push_back({{"id", c.fitted.reports[f.report].id}, {"tail_probability", f.tail}});
  }
  json summary = {
      {"scenario", c.scenario},
      {"as_of", c.as_of ? json(c.as_of->iso()) : json(nullptr)},
      {"future_events", c.as_of ? (c.keep_future_events ? "kept" : "dropped") : "all kept (no as-of date)"},
      {"dropped", c.dropped},
      {"reports", {{"fitted", c.fitted.reports.size()}, {"compared", used}, {"published_after_as_of", c.after_as_of},
                   {"flagged", flagged}}},
      {"method", "sequential Monte Carlo with likelihood tempering (Del Moral, Doucet & Jasra 2006), adaptive "
                 "temperatures, systematic resampling, random-walk Metropolis moves (docs/calibrate.md)"},
      {"sampling_run_days", c.horizon_days},
      {"forecast_runs", c.forecast_runs},
      {"people_per_agent", c.people_per_agent},
      {"budget", c.budget},
      {"simulations_refused_by_limit", c.refused_by_limit},
      {"stages", stages_json(c.smc)},
      {"parameters", parameters_json(c.priors, c.parameters, c.simulated_coordinates)},
      {"totals", totals_json(c.totals)},
      {"intervals_include",
       "the parameters' posterior, each run's randomness, and the model's discrepancy (fitted per metric; drawn from its "
       "prior for metrics no report fitted): forecast.csv says which"}};
  summary.update(sampler_json(c.smc));
  return json_text(summary);
}

std::string calibrate_manifest_json(const CalibrationResult& c, const RunIdentity& id) {
  json m = {{"exodus_version", EXODUS_VERSION},
                  {"verb", "calibrate"},
                  {"scenario", c.scenario},
                  {"folder", id.settings_origin},
                  {"members", c.smc.x.size()},
                  {"budget", c.budget},
                  {"as_of", c.as_of ? json(c.as_of->iso()) : json(nullptr)},
                  {"resumed_after_stage", c.smc.resumed_after_stage < 0 ? json(nullptr) : json(c.smc.resumed_after_stage)}};
  m.update(member_run_identity_json(id));
  return json_text(m);
}

std::string calibrate_table(const CalibrationResult& c) {
  std::string out = moved_parameters_table(c.priors, c.parameters);
  out += totals_table(c.totals, "departures");
  out += misfits_table(c.fitted, c.fits, "fitted report");
  out += "\n" + sampler_line(c.smc);
  out += "  intervals include the parameters' posterior, each run's randomness and the model's discrepancy\n";
  return out;
}

}  // namespace exodus
