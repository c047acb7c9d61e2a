#include "exodus/app/ensemble_use_case.h"

#include <chrono>
#include <cmath>

#include <fmt/format.h>

#include "exodus/app/calibration_checkpoint.h"
#include "exodus/app/calibration_model.h"
#include "exodus/app/scenario_use_case.h"
#include "exodus/core/random.h"
#include "exodus/output/ensemble_outputs.h"
#include "exodus/output/forecast_csv.h"
#include "exodus/output/output_dir.h"
#include "exodus/output/report_fit_outputs.h"

namespace exodus {

namespace fs = std::filesystem;

namespace {

// Member m's draw of prior d: its own counter, so that a member's parameters do not depend on
// how many members there are.
constexpr std::uint32_t kEnsembleDrawStream = 0x67000000u;

}  // namespace

EnsembleOutcome run_ensemble_case(const EnsembleRequest& q) {
  const auto started = std::chrono::steady_clock::now();
  if (q.members < 1 || q.members > kMostEnsembleMembers)
    throw InputError({"--members", 0, ""}, fmt::format("must be 1 to {}, not {}", kMostEnsembleMembers, q.members));
  EnsembleOutcome o;
  o.loaded = load_scenario(q.folder, q.limits);
  Scenario& s = o.loaded.scenario;
  keep_first_days(s, q.days, q.hooks.warn);
  if (q.prior && s.priors.empty())
    throw InputError({q.folder ? (*q.folder / "priors.csv").string() : std::string("priors.csv"), 0, ""},
                     "the scenario declares no priors (priors.csv): --prior has nothing to draw from");
  check_members_fit(s, q.members, q.limits);
  EnsembleResult& e = o.result;
  e.scenario = s.name;
  e.seed = q.seed.value_or(s.seed);
  e.prior = q.prior;
  o.threads = resolve_threads(q.threads);
  // Without --prior every member runs the scenario's own values: a model with nothing to set.
  Scenario base = s;
  if (!q.prior) base.priors.clear();
  const WorkerPool pool(o.threads);
  ScenarioCalibrationModel model(base, {}, ReportErrors{}, pool, q.limits, q.hooks.stop, 1, rank_farm());
  // Under MPI every rank has read its inputs to here: rank 0 checks that they all built this
  // model (the same inputs' bytes and settings), then the others run members, rank 0 the rest.
  model.share_members(calibration_fingerprint(
      o.loaded.inputs, {"ensemble", fmt::format("days {}", q.days), fmt::format("members {}", q.members),
                        fmt::format("seed {}", e.seed), fmt::format("prior {}", q.prior),
                        fmt::format("max_agents {}", q.limits.max_agents)}));
  const FarmRelease release_workers(rank_farm());
  o.out = q.output.dir ? *q.output.dir
                       : default_output_path(fmt::format("{}-{}{}-seed{}", s.name, q.prior ? "prior" : "members", q.members, e.seed));
  StagedOutputDir staged(o.out, q.output.force);
  if (q.hooks.started) q.hooks.started(s.name, o.out);
  e.priors.assign(model.priors().begin(), model.priors().end());
  std::vector<std::vector<double>> x(q.members);
  for (std::size_t m = 0; m < q.members; ++m) {
    e.run_seed.push_back(e.seed + m);
    for (std::size_t d = 0; d < e.priors.size(); ++d) {
      CounterRng rng(e.seed, RandomPurpose::kInference, static_cast<std::uint32_t>(m),
                     kEnsembleDrawStream + static_cast<std::uint32_t>(d));
      x[m].push_back(draw_working(e.priors[d], rng));
    }
  }
  model.run_full(x, e.run_seed);
  if (q.hooks.stop && q.hooks.stop->load()) throw Interrupted();

  std::size_t ran = 0;
  for (std::size_t m = 0; m < q.members; ++m) {
    e.ran.push_back(model.ran(m));
    ran += model.ran(m);
  }
  e.refused_by_limit = q.members - ran;
  if (ran == 0)
    throw InputError({"--max-agents", 0, ""},
                     fmt::format("every member would make more agents than the limit of {}: nothing ran", q.limits.max_agents));
  PosteriorRuns runs;
  runs.places = catalog_of(s);
  runs.shock = s.shock_date;
  runs.seed = e.seed;
  runs.unfitted_discrepancy = discrepancy_prior("a metric no report fitted");
  // Drawn parameters stand for what the scenario does not know, and the discrepancy for how far
  // the model is from the world; an ensemble of seeds shows the runs' randomness alone.
  runs.with_discrepancy = q.prior;
  for (std::size_t m = 0; m < q.members; ++m) {
    PosteriorMember pm;
    pm.series = model.ran(m) ? &model.series(m) : nullptr;
    pm.weight = pm.series ? 1.0 / static_cast<double>(ran) : 0.0;
    if (pm.series && e.layout.series().empty()) e.layout = model.series(m);
    runs.members.push_back(std::move(pm));
  }
  for (std::size_t m = 0; m < q.members; ++m) {
    e.values.emplace_back();
    for (std::size_t d = 0; d < e.priors.size(); ++d) e.values[m].push_back(value_of(e.priors[d], x[m][d]));
  }
  for (std::size_t d = 0; d < e.priors.size(); ++d) {
    std::vector<double> column, weights;
    for (std::size_t m = 0; m < q.members; ++m) {
      column.push_back(x[m][d]);
      weights.push_back(runs.members[m].weight);
    }
    e.drawn.push_back(value_interval(e.priors[d], column, weights));
  }
  e.bands = forecast_bands(runs);
  e.totals = key_totals(runs, s);
  std::vector<const Report*> reports;
  for (const auto& set : s.reports)
    for (const auto& r : set.reports) e.reports.reports.push_back(r);
  for (const auto& r : e.reports.reports) reports.push_back(&r);
  e.reports.file = "the scenario's reports";
  e.fits = fit_reports(runs, reports);
  e.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  if (q.hooks.before_writing) q.hooks.before_writing();
  staged.write("forecast.csv", forecast_csv(e.layout, e.bands));
  staged.write("members.csv", ensemble_members_csv(e));
  if (!e.fits.empty()) staged.write("reports_fit.csv", reports_fit_csv(e.reports, e.fits));
  staged.write("summary.json", ensemble_summary_json(e));
  RunIdentity id{q.output.command_line, e.seed, o.threads, s.folder, o.loaded.inputs, staged.written_and("manifest.json")};
  record_ranks(id);
  staged.write("manifest.json", ensemble_manifest_json(e, id));
  staged.commit();
  return o;
}

}  // namespace exodus
