#include "exodus/app/calibrate_use_case.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "exodus/app/calibration_checkpoint.h"
#include "exodus/app/member_driver.h"
#include "exodus/app/scenario_member_model.h"
#include "exodus/core/sha256.h"
#include "exodus/core/text_source.h"
#include "exodus/infer/key_totals.h"
#include "exodus/observe/run_expectation.h"
#include "exodus/io/reports/report_places.h"
#include "exodus/io/reports/reports_reader.h"
#include "exodus/output/calibrate_outputs.h"
#include "exodus/output/forecast_csv.h"
#include "exodus/output/report_fit_outputs.h"
#include "exodus/output/reports_fit_csv.h"
#include "exodus/world/scenario_registry.h"

namespace exodus {

namespace fs = std::filesystem;

namespace {

Date published(const Report& r) { return r.reported_on.value_or(r.window_end); }

// A calibration whose figures no run can give would fit nothing and still call its population
// the posterior (the estimate refuses the same): refused before any run, saying why of each.
void refuse_nothing_to_fit(const std::vector<const Report*>& fitted, const Scenario& s, const std::string& file) {
  const PlaceCatalog places = catalog_of(s);
  std::vector<std::string> why;
  for (const Report* r : fitted) {
    const auto reason = run_cannot_say(*r, places, s.start_date, s.shock_date, s.days);
    if (!reason) return;
    if (why.size() < 5) why.push_back(fmt::format("{} {}", r->id, *reason));
  }
  throw InputError({file, 0, ""},
                   fmt::format("none of the {} figures to fit can be compared with a run of the scenario ({} to {}), so "
                               "there is nothing to fit: {}{}",
                               fitted.size(), s.start_date.iso(), s.end_date.iso(), fmt::join(why, "; "),
                               fitted.size() > why.size() ? "; ..." : ""));
}

// Events dated after the as-of day did not happen yet; priors on them go with them.
void drop_future(Scenario& s, Date as_of, std::vector<std::string>& dropped) {
  std::vector<Event> kept;
  for (const auto& e : s.events)
    if (e.date > as_of) dropped.push_back("event " + event_key(e));
    else kept.push_back(e);
  s.events = std::move(kept);
  std::vector<ParameterPrior> priors;
  for (const auto& p : s.priors) {
    try {
      ScenarioValue(s, p.address);
      priors.push_back(p);
    } catch (const std::invalid_argument&) {
      dropped.push_back("prior " + p.address + " (its event is after the as-of date)");
    }
  }
  s.priors = std::move(priors);
}


// The figures, as one set (ids unique across the files): the scenario's own, or the files
// given; each file's bytes are recorded among the inputs.
void read_figures(const CalibrateRequest& q, const Scenario& s, CalibrateOutcome& o, std::vector<InputRecord>& inputs) {
  if (q.reports_files.empty()) {
    for (const auto& set : s.reports)
      for (const auto& r : set.reports) o.reports.reports.push_back(r);
    o.reports.file = "the scenario's reports";
  } else {
    std::vector<TextFile> files;
    for (const auto& path : q.reports_files) {
      files.push_back(read_text_file(path, q.limits.max_file_bytes));
      inputs.push_back({files.back().name, files.back().content.size(), sha256_hex(files.back().content)});
    }
    o.reports = read_reports_as_one(files, q.limits.max_reports);
  }
  if (auto problems = check_report_places(o.reports, s); !problems.empty()) throw InputErrors(std::move(problems));
}

// Those published by the as-of date (c.fitted, and the count left out), refused when there is
// none or no run can give any.
std::vector<const Report*> figures_to_fit(const Scenario& s, const ReportSet& reports, CalibrationResult& c) {
  std::vector<const Report*> fitted;
  for (const auto& r : reports.reports)
    if (c.as_of && published(r) > *c.as_of) ++c.after_as_of;
    else fitted.push_back(&r);
  for (const Report* r : fitted) c.fitted.reports.push_back(*r);
  c.fitted.file = reports.file;
  if (fitted.empty())
    throw InputError({reports.file, 0, "reported_on"}, c.as_of ? fmt::format("no figure was published by {}", c.as_of->iso())
                                                               : std::string("holds no figure"));
  refuse_nothing_to_fit(fitted, s, reports.file);
  return fitted;
}

// --predict: the figures to predict (o.predict), and the file they came from.
std::optional<TextFile> read_figures_to_predict(const CalibrateRequest& q, const Scenario& s, CalibrateOutcome& o) {
  if (!q.predict_file) return std::nullopt;
  TextFile file = read_text_file(*q.predict_file, q.limits.max_file_bytes);
  o.predict = read_reports(file, q.limits.max_reports);
  refuse_shared_ids(*o.predict, o.reports);
  if (auto problems = check_report_places(*o.predict, s); !problems.empty()) throw InputErrors(std::move(problems));
  return file;
}

}  // namespace

CalibrateOutcome calibrate_case(const CalibrateRequest& q) {
  CalibrateOutcome o;
  CalibrationResult& c = o.result;
  c.keep_future_events = q.keep_future_events;
  c.seed = q.seed;
  o.loaded = load_scenario(q.scenario, q.limits);
  Scenario& s = o.loaded.scenario;
  if (q.as_of) c.as_of = q.as_of->date(s.start_date);
  if (s.priors.empty())
    throw InputError({s.folder.empty() ? "priors.csv" : (fs::path(s.folder) / "priors.csv").string(), 0, ""},
                     "the scenario declares no priors (priors.csv): nothing to calibrate");
  if (c.as_of && !q.keep_future_events) drop_future(s, *c.as_of, c.dropped);

  std::vector<InputRecord> inputs = o.loaded.inputs;
  read_figures(q, s, o, inputs);
  const std::vector<const Report*> fitted = figures_to_fit(s, o.reports, c);
  const std::optional<TextFile> predict_file = read_figures_to_predict(q, s, o);

  check_members_fit(s, q.members, q.limits);
  SmcOptions so = calibration_options(q.members, q.budget, q.seed, q.hooks.stop);
  c.budget = so.budget;
  c.scenario = s.name;
  const double people_per_agent = q.people_per_agent.value_or(s.calibration_people_per_agent);
  if (!people_per_agent_allowed(people_per_agent))
    throw InputError({"--people-per-agent", 0, ""}, people_per_agent_problem(fmt::format("{}", people_per_agent)));
  c.people_per_agent = people_per_agent;
  // What decides the numbers: a checkpoint continues only a calibration with this fingerprint,
  // and under MPI every rank must have built its model from the same.
  const std::vector<std::string> settings{
      fmt::format("as_of {}", c.as_of ? c.as_of->iso() : "none"), fmt::format("keep_future_events {}", q.keep_future_events),
      fmt::format("members {}", so.members), fmt::format("budget {}", so.budget), fmt::format("seed {}", so.seed),
      fmt::format("max_agents {}", q.limits.max_agents), fmt::format("people_per_agent {}", people_per_agent)};
  MemberDriver driver(q.threads, q.farm, q.hooks);
  o.threads = driver.threads();
  ScenarioMemberModel model(s, fitted, ReportErrors{}, driver.pool(), q.limits, q.hooks.stop, people_per_agent, q.farm);
  o.out = q.output.dir ? *q.output.dir : default_output_path(fmt::format("calibrate-{}-seed{}", s.name, q.seed));
  driver.begin(model, calibration_fingerprint(inputs, settings), s.name, o.out, q.output.force);
  c.smc = driver.calibrate(model, so, q.resume, q.output.force, q.progress);
  o.checkpoint = driver.checkpoint();
  c.forecast_runs = q.members;
  c.horizon_days = model.horizon_days();
  // Refusals while sampling (kept in the checkpoint), and among the final runs over the whole scenario.
  c.refused_by_limit = c.smc.unscored;
  for (std::size_t m = 0; m < q.members; ++m) c.refused_by_limit += model.ran(m) ? 0 : 1;
  c.priors.assign(model.priors().begin(), model.priors().end());
  c.simulated_coordinates = model.simulated_coordinates();

  const PosteriorRuns runs = posterior_runs_of(model, c.smc.x, c.smc.weights, s, q.seed);
  c.layout = model.layout(q.members);
  for (std::size_t d = 0; d < c.priors.size(); ++d) c.parameters.push_back(summarize_parameter(c.priors[d], d, c.smc, q.seed));
  c.bands = forecast_bands(runs);
  c.fits = fit_reports(runs, fitted);
  if (o.predict) {
    std::vector<const Report*> held;
    for (const auto& r : o.predict->reports) held.push_back(&r);
    c.predictions = predict_reports(runs, held);
  }
  c.totals = key_totals(runs, s);

  driver.write("posterior.csv", calibrate_posterior_csv(c));
  driver.write("forecast.csv", forecast_csv(c.layout, c.bands));
  driver.write("reports_fit.csv", reports_fit_csv(figure_fit_rows(c.fitted, c.fits)));
  if (o.predict) driver.write("predictions.csv", predictions_csv(*o.predict, c.predictions));
  driver.write("summary.json", calibrate_summary_json(c));
  if (predict_file) inputs.push_back({predict_file->name, predict_file->content.size(), sha256_hex(predict_file->content)});
  driver.finish({q.output.command_line, q.seed, o.threads, s.folder, inputs, {}},
                [&](const RunIdentity& id) { return calibrate_manifest_json(c, id); });
  return o;
}

}  // namespace exodus
