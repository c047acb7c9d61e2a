#include "exodus/app/estimate_use_case.h"

#include <set>
#include <string_view>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "exodus/core/digit_grouping.h"
#include "exodus/core/sha256.h"
#include "exodus/core/text_source.h"
#include "exodus/io/reports/report_places.h"
#include "exodus/io/reports/reports_reader.h"
#include "exodus/observe/report_weights.h"
#include "exodus/output/estimate_outputs.h"
#include "exodus/output/output_dir.h"
#include "exodus/world/places.h"

namespace exodus {

namespace fs = std::filesystem;

void check_estimate_size(const ReportSet& reports, const std::string& file, const InputLimits& limits) {
  const auto count = static_cast<std::int64_t>(reports.reports.size());
  if (count > limits.max_reports)
    throw InputError({file, 0, ""}, fmt::format("holds {} reports; {}", grouped(count),
                                                limit_clause(limits.max_reports, "--max-reports")));
  // The estimate's corridors: every destination a report names, and "other".
  std::set<std::string_view> named;
  for (const auto& r : reports.reports)
    for (const auto& d : r.destinations)
      if (d != kAllPlaces) named.insert(d);
  const auto corridors = static_cast<std::int64_t>(named.size()) + 1;
  if (corridors > limits.max_corridors)
    throw InputError({file, 0, "destination"},
                     fmt::format("names {} destinations, so the estimate would fit {} corridors (with 'other'); its "
                                 "time grows as the cube of the corridors; {}",
                                 grouped(corridors - 1), grouped(corridors),
                                 limit_clause(limits.max_corridors, "--max-corridors")));
}

EstimateOutcome estimate_case(const EstimateRequest& q) {
  EstimateOutcome o;
  const TextFile file = read_text_file(q.reports_file, q.limits.max_file_bytes);
  o.reports = read_reports(file);
  check_estimate_size(o.reports, file.name, q.limits);
  EstimateOptions options = q.options;
  if (options.start && options.end && *options.end < *options.start)
    throw InputError({"--end", 0, ""}, "is before --start");
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
  const auto layout = estimate_layout(o.reports, options);
  if (layout.shock_day >= layout.days)
    throw InputError({options.end ? "--end" : "--shock", 0, ""},
                     "the estimate window ends before the shock; leavers are counted from the shock on");
  if (layout.days > q.limits.max_days)
    throw InputError({options.start ? "--start" : q.reports_file.string(), 0, ""},
                     fmt::format("the estimate would span {} days; {}", grouped(layout.days),
                                 limit_clause(q.limits.max_days, "--max-days")));
  // Nothing to fit unless some report measures flows inside the window: say why each is out.
  {
    std::vector<std::string> reasons;
    bool any_used = false;
    for (const auto& r : o.reports.reports) {
      const ReportWeights w = weights_for(layout, r);
      any_used |= w.used;
      if (!w.used && reasons.size() < 5) reasons.push_back(fmt::format("{}: {}", r.id, w.why_unused));
    }
    if (!any_used)
      throw InputError({q.reports_file.string(), 0, ""},
                       fmt::format("no report measures flows in the estimate's window ({} to {}), so there is "
                                   "nothing to estimate from{}{}",
                                   layout.start.iso(), (layout.start + (layout.days - 1)).iso(),
                                   reasons.empty() ? "" : ": ", fmt::format("{}", fmt::join(reasons, "; "))));
  }
  o.out = q.output.dir ? *q.output.dir
                       : default_output_path("estimate-" + q.reports_file.stem().string());
  StagedOutputDir staged(o.out, q.output.force);
  if (q.hooks.started) q.hooks.started(q.reports_file.filename().string(), o.out);
  o.result = estimate_flows(o.reports, options);
  if (!o.result.ok()) return o;
  if (q.hooks.before_writing) q.hooks.before_writing();
  staged.write("daily.csv", estimate_daily_csv(o.result));
  staged.write("reports_fit.csv", estimate_reports_fit_csv(o.reports, o.result));
  staged.write("summary.json", estimate_summary_json(o.reports, o.result));
  const RunIdentity id{q.output.command_line, options.seed, 1, "",
                       {{file.name, file.content.size(), sha256_hex(file.content)}},
                       staged.written_and("manifest.json")};
  staged.write("manifest.json", estimate_manifest_json(options, id));
  staged.commit();
  o.written = true;
  return o;
}

}  // namespace exodus
