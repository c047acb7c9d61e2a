#include "exodus/app/estimate_use_case.h"

#include <fmt/format.h>

#include "exodus/core/sha256.h"
#include "exodus/core/text_source.h"
#include "exodus/io/reports/report_places.h"
#include "exodus/io/reports/reports_reader.h"
#include "exodus/output/estimate_outputs.h"
#include "exodus/output/output_dir.h"
#include "exodus/output/reports_fit_csv.h"

namespace exodus {

namespace fs = std::filesystem;

EstimateOutcome estimate_case(const EstimateRequest& q) {
  EstimateOutcome o;
  const TextFile file = read_text_file(q.reports_file, q.limits.max_file_bytes);
  o.reports = read_reports(file, q.limits.max_reports);
  check_estimate_size(o.reports, file.name, q.limits);
  std::optional<TextFile> predict_file;
  if (q.predict_file) {
    predict_file = read_text_file(*q.predict_file, q.limits.max_file_bytes);
    o.predict = read_reports(*predict_file, q.limits.max_reports);
    check_estimate_size(*o.predict, predict_file->name, q.limits);
    refuse_shared_ids(*o.predict, o.reports);
  }
  EstimateOptions options = q.options;
  if (o.predict) options.predict = &*o.predict;
  options.nuts.threads = resolve_threads(q.threads);
  options.nuts.stop = q.hooks.stop;
  if (q.hooks.stage) options.progress = q.hooks.stage;
  if (q.scenario) {
    o.scenario = load_scenario(q.scenario->empty() ? std::nullopt : std::optional<fs::path>(*q.scenario), q.limits);
    options.scenario = &o.scenario->scenario;
    // A name the scenario lacks would become a corridor of its own, with generic shares.
    if (auto problems = check_report_places(o.reports, o.scenario->scenario); !problems.empty())
      throw InputErrors(std::move(problems));
  } else if (q.hooks.warn) {
    for (const auto& warning : near_duplicate_places(o.reports)) q.hooks.warn(warning);
  }
  check_estimate_window(o.reports, q.reports_file.string(), options, q.limits);
  o.out = q.output.dir ? *q.output.dir
                       : default_output_path("estimate-" + q.reports_file.stem().string());
  StagedOutputDir staged(o.out, q.output.force);
  if (q.hooks.started) q.hooks.started(q.reports_file.filename().string(), o.out);
  o.result = estimate_flows(o.reports, options);
  if (!o.result.ok()) return o;
  if (q.hooks.before_writing) q.hooks.before_writing();
  staged.write("daily.csv", estimate_daily_csv(o.result));
  staged.write("reports_fit.csv", reports_fit_csv(figure_fit_rows(o.reports, o.result.fits)));
  staged.write("summary.json", estimate_summary_json(o.reports, o.result));
  if (o.predict) staged.write("predictions.csv", predictions_csv(*o.predict, o.result.predictions));
  std::vector<InputRecord> inputs = {{file.name, file.content.size(), sha256_hex(file.content)}};
  if (predict_file) inputs.push_back({predict_file->name, predict_file->content.size(), sha256_hex(predict_file->content)});
  const RunIdentity id{q.output.command_line, options.seed, 1, "", inputs, staged.written_and("manifest.json")};
  staged.write("manifest.json", estimate_manifest_json(options, id));
  staged.commit();
  o.written = true;
  return o;
}

}  // namespace exodus
