#include "exodus/app/flee_calibrate_use_case.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "exodus/app/flee_member_model.h"
#include "exodus/app/member_driver.h"
#include "exodus/core/error.h"
#include "exodus/io/flee/flee_world_builder.h"
#include "exodus/output/flee_calibrate_outputs.h"
#include "exodus/output/flee_out_csv.h"
#include "exodus/run/flee_run.h"
#include "exodus/world/flee_priors.h"
#include "exodus/world/flee_settings_registry.h"

namespace exodus {

namespace fs = std::filesystem;

namespace {

// The discrepancy draws of the forecast bands: a stream of their own, keyed by the seed.
constexpr int kDiscrepancyDrawsPerMember = 20;

// The highest awareness the priors may try: its route search must fit the limits too.
void check_routes_at_highest_awareness(const LoadedFleeCase& loaded, const std::vector<ParameterPrior>& priors,
                                       const InputLimits& limits) {
  for (const auto& p : priors) {
    const FleeSetting* s = find_flee_setting(p.address);
    if (!s || s->key != std::string("awareness_level")) continue;
    const int highest = static_cast<int>(s->value_from(p.upper));
    if (highest <= loaded.world.settings.awareness_level) return;
    FleeInputs in = loaded.read;
    in.settings.awareness_level = highest;
    check_flee_routes(build_flee_world(in, loaded.world.case_name), in, limits);
  }
}

std::vector<std::string> fingerprint_settings(const FleeCalibrateRequest& q, std::int32_t as_of_day, std::size_t budget,
                                              const std::vector<ParameterPrior>& priors) {
  std::vector<std::string> out{fmt::format("flee as_of_day {}", as_of_day), fmt::format("members {}", q.members),
                               fmt::format("budget {}", budget), fmt::format("seed {}", q.seed),
                               fmt::format("max_agents {}", q.spec.limits.max_agents)};
  for (const auto& p : priors)
    out.push_back(fmt::format("prior {} {} {:.17g} {:.17g} {:.17g} {:.17g}", p.address, to_string(p.shape), p.center, p.spread,
                              p.lower, p.upper));
  return out;
}

}  // namespace

FleeCalibrateOutcome calibrate_flee_case(const FleeCalibrateRequest& q) {
  FleeCalibrateOutcome o;
  FleeCaseSpec spec = q.spec;
  spec.max_days = 0;
  o.loaded = load_flee_case(spec);
  const FleeWorld& world = o.loaded.world;
  FleeCalibrationResult& c = o.result;
  if (!world.has_validation())
    throw InputError({"--validation", 0, ""}, "a Flee calibration fits the case's camp data: give its validation folder");
  if (!q.as_of) throw InputError({"--as-of", 0, ""}, "is needed with --flee: the last day whose camp data is fitted");
  const std::int32_t as_of_day = q.as_of->day_number(world.date_of_day(0));
  // The days after it: the forecast's, whose data the fit never reads.
  const std::int32_t first_unfitted_day = as_of_day + 1;
  if (as_of_day < 0 || as_of_day >= world.days)
    throw InputError({"--as-of", 0, ""}, fmt::format("{} is not a day of the case (days 0 to {}, dated {} to {})",
                                                     q.as_of->text(), world.days - 1, world.date_of_day(0).iso(),
                                                     world.date_of_day(static_cast<std::size_t>(world.days - 1)).iso()));
  c.case_name = world.case_name;
  c.start = world.start_date;
  c.as_of_day = as_of_day;
  c.as_of_date = world.date_of_day(static_cast<std::size_t>(as_of_day));
  c.seed = q.seed;
  const std::vector<ParameterPrior> priors = default_flee_priors(o.loaded.read.settings);
  check_routes_at_highest_awareness(o.loaded, priors, q.spec.limits);

  const SmcOptions so = calibration_options(q.members, q.budget, q.seed, q.hooks.stop);
  c.budget = so.budget;
  MemberDriver driver(q.threads, q.farm, q.hooks);
  o.threads = driver.threads();
  FleeMemberModel model(o.loaded.read, world.case_name, priors, first_unfitted_day, driver.pool(), q.hooks.stop, q.farm);
  c.fitted_days = model.fitted_days();
  for (const auto s : world.camp_series) c.observed.push_back(s >= 0);
  c.observed_camps = static_cast<std::size_t>(std::count(c.observed.begin(), c.observed.end(), true));
  o.out = q.output.dir ? *q.output.dir
                       : default_output_path(fmt::format("calibrate-{}-day{}-seed{}", world.case_name, as_of_day, q.seed));
  // What decides the numbers: for a checkpoint to continue, and for every rank under MPI.
  driver.begin(model, calibration_fingerprint(o.loaded.inputs, fingerprint_settings(q, as_of_day, so.budget, priors)),
               world.case_name,
               o.out, q.output.force);
  // The forecast: every member over the whole case, its discrepancy drawn in.
  c.smc = driver.calibrate(model, so, q.resume, q.output.force, q.progress);
  o.checkpoint = driver.checkpoint();
  const std::vector<CampTable> runs = model.take_full_runs(q.members);
  c.priors.assign(model.priors().begin(), model.priors().end());
  c.simulated_coordinates = model.simulated_coordinates();
  std::vector<const CampTable*> run_of;
  std::vector<double> sd;
  for (std::size_t m = 0; m < runs.size(); ++m) {
    run_of.push_back(&runs[m]);
    sd.push_back(value_of(c.priors.back(), c.smc.x[m].back()));
    std::vector<double> values;
    for (std::size_t i = 0; i < c.simulated_coordinates; ++i) values.push_back(model.setting_value(i, c.smc.x[m]));
    c.run_values.push_back(std::move(values));
  }
  c.bands = camp_bands(run_of, c.smc.weights, sd, q.seed, kDiscrepancyDrawsPerMember, model.error());
  c.floor = model.error().floor();
  c.median = median_table(c.bands, run_of, c.smc.weights);
  for (std::size_t d = 0; d < c.priors.size(); ++d) {
    ParameterSummary p = summarize_parameter(c.priors[d], d, c.smc, q.seed);
    // A whole-number setting is summarised as its runs used it.
    if (const FleeSetting* s = find_flee_setting(c.priors[d].address); s && s->integer())
      for (Interval* i : {&p.prior_interval, &p.posterior_interval})
        for (double* v : {&i->median, &i->lo50, &i->hi50, &i->lo90, &i->hi90})
          *v = s->value_from(*v);
    c.parameters.push_back(p);
  }

  // After the as-of day: the forecast against the data, and the case's own settings beside it.
  if (first_unfitted_day < world.days) {
    c.after = check_camp_forecast(c.bands, c.median, c.observed, first_unfitted_day);
    const auto case_seeds = std::vector<std::uint64_t>(c.smc.run_seed.begin(),
                                                       c.smc.run_seed.begin() + std::min(q.case_runs, c.smc.run_seed.size()));
    const std::vector<CampTable> case_runs = model.run_case_settings(case_seeds);
    driver.stop_if_asked();
    double sum = 0;
    for (const auto& run : case_runs) sum += ard_from(run, first_unfitted_day);
    c.case_runs = case_runs.size();
    c.case_settings_ard = case_runs.empty() ? 0 : sum / static_cast<double>(case_runs.size());
  }

  driver.write("posterior.csv", flee_calibrate_posterior_csv(c));
  driver.write("forecast.csv", flee_forecast_csv(c, world));
  driver.write("out.csv", format_flee_out_csv(world, c.median));
  driver.write("summary.json", flee_calibrate_summary_json(c));
  driver.finish({q.output.command_line, q.seed, o.threads, o.loaded.settings_origin, o.loaded.inputs, {}},
                [&](const RunIdentity& id) { return flee_calibrate_manifest_json(c, world, id); });
  return o;
}

}  // namespace exodus
