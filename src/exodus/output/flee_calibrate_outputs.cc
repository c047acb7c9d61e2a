#include "exodus/output/flee_calibrate_outputs.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "exodus/core/csv.h"
#include "exodus/output/calibration_summary.h"
#include "exodus/output/forecast_summary.h"
#include "exodus/output/inputs_json.h"
#include "exodus/output/json_text.h"

namespace exodus {

using nlohmann::json;

namespace {

bool in_likelihood(const FleeCalibrationResult& c, std::size_t day) {
  return std::binary_search(c.fitted_days.begin(), c.fitted_days.end(), static_cast<std::int32_t>(day));
}

}  // namespace

std::string flee_calibrate_posterior_csv(const FleeCalibrationResult& c) {
  // A setting as its runs used it (awareness rounded); the discrepancy as drawn.
  return posterior_csv(c.priors, c.smc, [&](std::size_t m, std::size_t d) {
    return d < c.simulated_coordinates ? c.run_values[m][d] : value_of(c.priors[d], c.smc.x[m][d]);
  });
}

std::string flee_forecast_csv(const FleeCalibrationResult& c, const FleeWorld& world) {
  std::string out = "date,day,camp,median,lo50,hi50,lo90,hi90,data,period,in_likelihood\n";
  for (std::size_t t = 0; t < c.bands.bands.size(); ++t)
    for (std::size_t k = 0; k < c.bands.camps.size(); ++k) {
      const auto& i = c.bands.bands[t][k];
      const bool observed = c.observed[k];
      out += fmt::format("{},{},{},{:.6g},{:.6g},{:.6g},{:.6g},{:.6g},{},{},{}\n", world.date_of_day(t).iso(), t,
                         csv_field(c.bands.camps[k], true), i.median, i.lo50, i.hi50, i.lo90, i.hi90,
                         observed ? std::to_string(c.median.data[t][k]) : std::string(),
                         static_cast<std::int32_t>(t) <= c.as_of_day ? "fit" : "forecast",
                         observed && in_likelihood(c, t) ? 1 : 0);
    }
  return out;
}

std::string flee_calibrate_summary_json(const FleeCalibrationResult& c) {
  json after = nullptr;
  if (c.after && c.after->last_day >= c.after->first_day)
    after = {{"first_day", c.after->first_day},
             {"last_day", c.after->last_day},
             {"forecast_median_ard", c.after->ard},
             {"case_settings_ard", c.case_settings_ard},
             {"case_settings_runs", c.case_runs},
             {"camp_days", c.after->camp_days},
             {"coverage50", c.after->coverage50},
             {"coverage90", c.after->coverage90},
             {"note", "Flee's ARD over these days of the forecast's median, against the mean ARD of runs of the case's own "
                      "settings; coverage: the share of observed camp-days whose data lies inside the forecast's bands. The "
                      "data of these days did not inform the fit."}};
  json summary = {
      {"case", c.case_name},
      {"start_date", c.start.iso()},
      {"as_of_day", c.as_of_day},
      {"as_of_date", c.as_of_date.iso()},
      {"fitted_days", c.fitted_days},
      {"observed_camps", c.observed_camps},
      {"likelihood_floor", c.floor},
      {"budget", c.budget},
      {"method", "sequential Monte Carlo with likelihood tempering (Del Moral, Doucet & Jasra 2006) over the Flee rule set's "
                 "settings; camp populations on the log scale with a fitted discrepancy (docs/calibrate-flee.md)"},
      {"stages", stages_json(c.smc)},
      {"parameters", parameters_json(c.priors, c.parameters, c.simulated_coordinates)},
      {"after_as_of", after},
      {"intervals_include",
       "the settings' posterior, each run's randomness, and the model's discrepancy for a camp's population (fitted); "
       "spawning follows the case's own settings, so where the case spawns from its validation totals those totals are an "
       "input, not a forecast"}};
  summary.update(sampler_json(c.smc));
  return json_text(summary);
}

std::string flee_calibrate_manifest_json(const FleeCalibrationResult& c, const FleeWorld& world, const RunIdentity& id) {
  json m = {{"exodus_version", EXODUS_VERSION},
                  {"verb", "calibrate"},
                  {"rule_set", "flee"},
                  {"case", world.case_name},
                  {"start_date", world.start_date.iso()},
                  {"days", world.days},
                  {"as_of_day", c.as_of_day},
                  {"settings_origin", id.settings_origin},
                  {"members", c.smc.x.size()},
                  {"budget", c.budget},
                  {"resumed_after_stage", c.smc.resumed_after_stage < 0 ? json(nullptr) : json(c.smc.resumed_after_stage)}};
  m.update(member_run_identity_json(id));
  return json_text(m);
}

std::string flee_calibrate_table(const FleeCalibrationResult& c) {
  std::string out = moved_parameters_table(c.priors, c.parameters, c.parameters.size());
  if (c.after && c.after->last_day >= c.after->first_day) {
    out += fmt::format("\n  after day {} (days {} to {}; data not fitted):\n", c.as_of_day, c.after->first_day, c.after->last_day);
    out += fmt::format("    ARD of the forecast median     {:.3f}\n", c.after->ard);
    out += fmt::format("    ARD of the case's settings     {:.3f} (mean of {} runs)\n", c.case_settings_ard, c.case_runs);
    out += fmt::format("    camp-days inside 50% / 90%     {:.1f}% / {:.1f}% of {}\n", 100 * c.after->coverage50,
                       100 * c.after->coverage90, c.after->camp_days);
  }
  out += "\n" + sampler_line(c.smc);
  out += "  intervals include the settings' posterior, each run's randomness and the model's discrepancy\n";
  return out;
}

}  // namespace exodus
