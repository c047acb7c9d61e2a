#include "exodus/app/flee_use_case.h"

#include <fmt/format.h>

#include "exodus/output/flee_out_csv.h"
#include "exodus/output/flee_outputs.h"
#include "exodus/output/output_dir.h"

namespace exodus {

FleeRunOutcome run_flee_case(const FleeRunRequest& q) {
  FleeRunOutcome o;
  o.loaded = load_flee_case(q.spec);
  if (q.hooks.warn) {
    for (const auto& warning : o.loaded.world.warnings) q.hooks.warn(warning);
    if (q.spec.max_days > o.loaded.world.days)
      q.hooks.warn(fmt::format("--days {} is beyond the case's {} days (sim_period.csv); all {} are run", q.spec.max_days,
                               o.loaded.world.days, o.loaded.world.days));
  }
  o.threads = resolve_threads(q.threads);
  o.out = q.output.dir ? *q.output.dir
                       : default_output_path(fmt::format("{}-seed{}", o.loaded.world.case_name, q.seed));
  // A name clash fails now, before the run; nothing reaches the disk until it is over.
  StagedOutputDir staged(o.out, q.output.force);
  if (q.hooks.started) q.hooks.started(o.loaded.world.case_name, o.out);
  RunOptions options;
  options.seed = q.seed;
  options.threads = o.threads;
  options.stop = q.hooks.stop;
  options.progress = q.hooks.progress;
  o.run = run_flee(o.loaded.world, options);
  if (o.run.interrupted) return o;
  if (q.hooks.before_writing) q.hooks.before_writing();
  o.score = score_flee(o.run.table);
  staged.write("out.csv", format_flee_out_csv(o.loaded.world, o.run.table));
  staged.write("summary.json", flee_summary_json(o.loaded.world, o.run, o.score));
  const RunIdentity id{q.output.command_line, q.seed, o.threads, o.loaded.settings_origin, o.loaded.inputs,
                       staged.written_and("manifest.json")};
  staged.write("manifest.json", flee_manifest_json(o.loaded.world, id));
  staged.commit();
  return o;
}

}  // namespace exodus
