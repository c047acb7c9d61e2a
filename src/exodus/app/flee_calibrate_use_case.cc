#include "exodus/app/flee_calibrate_use_case.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "exodus/app/calibration_checkpoint.h"
#include "exodus/app/flee_calibration_model.h"
#include "exodus/app/flee_priors.h"
#include "exodus/app/flee_run.h"
#include "exodus/core/error.h"
#include "exodus/dist/rank_farm.h"
#include "exodus/io/flee/flee_world_builder.h"
#include "exodus/output/flee_calibrate_outputs.h"
#include "exodus/output/flee_out_csv.h"
#include "exodus/output/output_dir.h"
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

std::vector<std::string> fingerprint_settings(const FleeCalibrateRequest& q, std::size_t budget,
                                              const std::vector<ParameterPrior>& priors) {
  std::vector<std::string> out{fmt::format("flee as_of_day {}", q.as_of_day), fmt::format("members {}", q.members),
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
  if (q.as_of_day < 0 || q.as_of_day >= world.days)
    throw InputError({"--as-of", 0, ""}, fmt::format("day {} is not a day of the case (0 to {}, {} to {})", q.as_of_day,
                                                     world.days - 1, world.start_date.iso(),
                                                     (world.start_date + (world.days - 1)).iso()));
  c.case_name = world.case_name;
  c.start = world.start_date;
  c.as_of_day = q.as_of_day;
  c.seed = q.seed;
  const std::vector<ParameterPrior> priors = default_flee_priors(o.loaded.read.settings);
  check_routes_at_highest_awareness(o.loaded, priors, q.spec.limits);

  SmcOptions so;
  so.members = q.members;
  so.budget = q.budget ? q.budget : kDefaultSimulationsPerMember * q.members;
  so.seed = q.seed;
  so.stop = q.hooks.stop;
  c.budget = so.budget;
  o.threads = resolve_threads(q.threads);
  const WorkerPool pool(o.threads);
  // What decides the numbers: for a checkpoint to continue, and for every rank under MPI.
  const std::string fingerprint = calibration_fingerprint(o.loaded.inputs, fingerprint_settings(q, so.budget, priors));
  FleeCalibrationModel model(o.loaded.read, world.case_name, priors, q.as_of_day + 1, pool, q.hooks.stop, rank_farm());
  // Under MPI every rank has read its inputs to here: rank 0 checks that they all built this
  // model, then the others run members, rank 0 the rest.
  model.share_members(fingerprint);
  const FarmRelease release_workers(rank_farm());
  c.fitted_days = model.fitted_days();
  for (const auto s : world.camp_series) c.observed.push_back(s >= 0);
  c.observed_camps = static_cast<std::size_t>(std::count(c.observed.begin(), c.observed.end(), true));

  o.out = q.output.dir ? *q.output.dir
                       : default_output_path(fmt::format("calibrate-{}-day{}-seed{}", world.case_name, q.as_of_day, q.seed));
  StagedOutputDir staged(o.out, q.output.force);
  o.checkpoint = calibration_checkpoint_path(staged.target());
  KeptStages kept;
  keep_stages(so, kept, o.checkpoint, {q.resume, q.output.force, fingerprint, so.members, model.priors().size(), so.budget},
              q.hooks.warn);
  if (q.hooks.started) q.hooks.started(world.case_name, o.out);
  c.smc = run_smc(model, so, q.progress);
  if (q.hooks.stop && q.hooks.stop->load()) throw Interrupted();

  // The forecast: every member over the whole case, its discrepancy drawn in.
  const std::vector<CampTable> runs = model.run_full(c.smc.x, c.smc.run_seed);
  if (q.hooks.stop && q.hooks.stop->load()) throw Interrupted();
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
  c.bands = camp_bands(run_of, c.smc.weights, sd, q.seed, kDiscrepancyDrawsPerMember, model.floor());
  c.floor = model.floor();
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
  if (q.as_of_day + 1 < world.days) {
    c.after = check_camp_forecast(c.bands, c.median, c.observed, q.as_of_day + 1);
    const auto case_seeds = std::vector<std::uint64_t>(c.smc.run_seed.begin(),
                                                       c.smc.run_seed.begin() + std::min(q.case_runs, c.smc.run_seed.size()));
    const std::vector<CampTable> case_runs = model.run_case_settings(case_seeds);
    if (q.hooks.stop && q.hooks.stop->load()) throw Interrupted();
    double sum = 0;
    for (const auto& run : case_runs) sum += ard_from(run, q.as_of_day + 1);
    c.case_runs = case_runs.size();
    c.case_settings_ard = case_runs.empty() ? 0 : sum / static_cast<double>(case_runs.size());
  }

  if (q.hooks.before_writing) q.hooks.before_writing();
  staged.write("posterior.csv", flee_calibrate_posterior_csv(c));
  staged.write("forecast.csv", flee_forecast_csv(c, world));
  staged.write("out.csv", format_flee_out_csv(world, c.median));
  staged.write("summary.json", flee_calibrate_summary_json(c));
  RunIdentity id{q.output.command_line, q.seed, o.threads, o.loaded.settings_origin, o.loaded.inputs,
                 staged.written_and("manifest.json")};
  record_ranks(id);
  staged.write("manifest.json", flee_calibrate_manifest_json(c, world, id));
  staged.commit();
  remove_checkpoint(o.checkpoint);
  return o;
}

}  // namespace exodus
