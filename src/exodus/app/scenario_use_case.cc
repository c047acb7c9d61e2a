#include "exodus/app/scenario_use_case.h"

#include <fmt/format.h>

#include "exodus/output/exodus_outputs.h"
#include "exodus/output/output_dir.h"
#include "exodus/output/reports_fit_csv.h"
#include "exodus/output/run_report_fit_outputs.h"
#include "exodus/run/exodus_run.h"

namespace exodus {

void keep_first_days(Scenario& s, std::int32_t days, const std::function<void(const std::string&)>& warn) {
  if (days > 0 && days < s.days) {
    s.days = days;
    s.end_date = s.start_date + (days - 1);
  } else if (days > s.days && warn) {
    warn(fmt::format("--days {} is beyond the scenario's {} days ({} to {}); all {} are run", days, s.days,
                     s.start_date.iso(), s.end_date.iso(), s.days));
  }
}

ScenarioRunOutcome run_scenario_case(const ScenarioRunRequest& q) {
  ScenarioRunOutcome o;
  o.loaded = load_scenario(q.folder, q.limits);
  Scenario& s = o.loaded.scenario;
  keep_first_days(s, q.days, q.hooks.warn);
  o.seed = q.seed.value_or(s.seed);
  o.threads = resolve_threads(q.threads);
  o.out = q.output.dir ? *q.output.dir : default_output_path(fmt::format("{}-seed{}", s.name, o.seed));
  // A name clash fails now, before the run; nothing reaches the disk until it is over.
  StagedOutputDir staged(o.out, q.output.force);
  if (q.hooks.started) q.hooks.started(s.name, o.out);
  RunOptions options;
  options.seed = o.seed;
  options.threads = o.threads;
  options.stop = q.hooks.stop;
  options.progress = q.hooks.progress;
  o.run = run_exodus(s, options);
  if (o.run.interrupted) return o;
  if (q.hooks.before_writing) q.hooks.before_writing();
  o.targets = evaluate_targets(s, o.run.series);
  o.report_fits = fit_run_to_reports(s, o.run.series);
  o.summary = summarize_exodus_run(s, o.run.series);
  staged.write("daily.csv", exodus_daily_csv(o.run.series));
  staged.write("places.csv", exodus_places_csv(s));
  staged.write("summary.json", exodus_summary_json(s, o.run, o.summary, o.targets, o.report_fits));
  if (!o.report_fits.empty()) staged.write("reports_fit.csv", reports_fit_csv(figure_fit_rows(o.report_fits)));
  const RunIdentity id{q.output.command_line, o.seed, o.threads, s.folder, o.loaded.inputs,
                       staged.written_and("manifest.json")};
  staged.write("manifest.json", exodus_manifest_json(s, id));
  staged.commit();
  return o;
}

}  // namespace exodus
