#include "exodus/app/ensemble_use_case.h"

#include <chrono>
#include <cmath>

#include <fmt/format.h>

#include "exodus/app/calibration_checkpoint.h"
#include "exodus/app/member_driver.h"
#include "exodus/app/scenario_member_model.h"
#include "exodus/app/scenario_use_case.h"
#include "exodus/core/random.h"
#include "exodus/core/random_streams.h"
#include "exodus/output/ensemble_outputs.h"
#include "exodus/output/forecast_csv.h"
#include "exodus/output/reports_fit_csv.h"

namespace exodus {

namespace fs = std::filesystem;

namespace {

// Member m's draw of prior d: its own counter, so that a member's parameters do not depend on
// how many members there are.
using inference_stream::kEnsembleDraw;

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
  // Without --prior every member runs the scenario's own values: a model with nothing to set.
  Scenario base = s;
  if (!q.prior) base.priors.clear();
  MemberDriver driver(q.threads, q.farm, q.hooks);
  o.threads = driver.threads();
  ScenarioMemberModel model(base, {}, ReportErrors{}, driver.pool(), q.limits, q.hooks.stop, 1, q.farm);
  o.out = q.output.dir ? *q.output.dir
                       : default_output_path(fmt::format("{}-{}{}-seed{}", s.name, q.prior ? "prior" : "members", q.members, e.seed));
  // What decides the numbers: every rank under MPI must have built its model from the same.
  driver.begin(model,
               calibration_fingerprint(o.loaded.inputs, {"ensemble", fmt::format("days {}", q.days),
                                                         fmt::format("members {}", q.members), fmt::format("seed {}", e.seed),
                                                         fmt::format("prior {}", q.prior),
                                                         fmt::format("max_agents {}", q.limits.max_agents)}),
               s.name, o.out, q.output.force);
  e.priors.assign(model.priors().begin(), model.priors().end());
  std::vector<std::vector<double>> x(q.members);
  for (std::size_t m = 0; m < q.members; ++m) {
    e.run_seed.push_back(e.seed + m);
    for (std::size_t d = 0; d < e.priors.size(); ++d) {
      CounterRng rng(e.seed, RandomPurpose::kInference, static_cast<std::uint32_t>(m),
                     kEnsembleDraw + static_cast<std::uint32_t>(d));
      x[m].push_back(draw_working(e.priors[d], rng));
    }
  }
  driver.run_members(model, x, e.run_seed);

  std::size_t ran = 0;
  for (std::size_t m = 0; m < q.members; ++m) {
    e.ran.push_back(model.ran(m));
    ran += model.ran(m);
  }
  e.refused_by_limit = q.members - ran;
  if (ran == 0)
    throw InputError({"--max-agents", 0, ""},
                     fmt::format("every member would make more agents than the limit of {}: nothing ran", q.limits.max_agents));
  // Drawn parameters stand for what the scenario does not know, and the discrepancy for how far
  // the model is from the world; an ensemble of seeds shows the runs' randomness alone.
  PosteriorRuns runs = posterior_runs_of(model, x, std::vector<double>(q.members, 1.0 / static_cast<double>(ran)), s, e.seed);
  runs.with_discrepancy = q.prior;
  e.layout = model.layout(q.members);
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

  driver.write("forecast.csv", forecast_csv(e.layout, e.bands));
  driver.write("members.csv", ensemble_members_csv(e));
  if (!e.fits.empty()) driver.write("reports_fit.csv", reports_fit_csv(figure_fit_rows(e.reports, e.fits)));
  driver.write("summary.json", ensemble_summary_json(e));
  driver.finish({q.output.command_line, e.seed, o.threads, s.folder, o.loaded.inputs, {}},
                [&](const RunIdentity& id) { return ensemble_manifest_json(e, id); });
  return o;
}

}  // namespace exodus
