// exodus estimate REPORTS.csv: fuse published figures into true flows per corridor and day.
#include <cstdio>
#include <filesystem>
#include <optional>

#include <fmt/format.h>

#include "exodus/app/estimate_use_case.h"
#include "exodus/cli/commands.h"
#include "exodus/cli/exit_codes.h"
#include "exodus/cli/interrupt.h"
#include "exodus/cli/limit_options.h"
#include "exodus/cli/progress.h"
#include "exodus/core/error.h"
#include "exodus/output/estimate_outputs.h"
#include "exodus/output/output_dir.h"

namespace exodus {

namespace fs = std::filesystem;

namespace {

struct EstimateArgs {
  std::string reports;
  std::string shock = "2022-09-21";
  std::optional<std::string> start, end, out, scenario, predict;
  std::size_t draws = 2000;
  std::uint64_t seed = 1;
  bool force = false;
  bool quiet = false;
  bool report = false;
  bool laplace = false;
  std::string progress = "auto";
  int chains = 4;
  int samples = 250;
  int threads = 0;
};

void add_estimate_options(CLI::App* cmd, EstimateArgs& a) {
  cmd->add_option("REPORTS", a.reports, "a reports CSV (docs/reports-format.md)")->required();
  cmd->add_option("--shock", a.shock, "the shock date; an empty window_start means since then (default 2022-09-21)");
  cmd->add_option("--start", a.start, "first day estimated (default: 14 days before the shock)");
  cmd->add_option("--end", a.end, "last day estimated (default: 100 days after the shock)");
  cmd->add_option("--scenario", a.scenario,
                  "take onward and return shares from a scenario folder ('default': the embedded 2022 one)");
  cmd->add_option("--predict", a.predict,
                  "a reports CSV of figures not to fit but to predict (held back to judge the estimate): "
                  "predictions.csv");
  cmd->add_option("--draws", a.draws, "draws of the Laplace approximation (with --laplace)")
      ->check(CLI::Range(200, 100000))
      ->capture_default_str();
  cmd->add_flag("--laplace", a.laplace, "the Laplace approximation alone (fast; not calibrated) instead of NUTS");
  cmd->add_option("--chains", a.chains, "NUTS chains")->check(CLI::Range(2, 16))->capture_default_str();
  cmd->add_option("--samples", a.samples, "NUTS draws kept per chain")
      ->check(CLI::Range(100, 100000))
      ->capture_default_str();
  cmd->add_option("--seed", a.seed, "random seed")->check(kSeed)->capture_default_str();
  cmd->add_option("--threads", a.threads,
                  "chains run at once (default, and at most: all cores; the draws do not depend on it)")
      ->check(CLI::Range(1, 1024));
  cmd->add_option("--out", a.out, "output folder to create (default: runs/estimate-<reports>)");
  cmd->add_flag("--force", a.force, "replace the output folder if it exists");
  cmd->add_flag("--quiet", a.quiet, "no progress bar or table");
  cmd->add_flag("--report", a.report, "also write report.html, the estimate's charts (exodus report), into the output folder");
  cmd->add_option("--progress", a.progress,
                  "auto (a bar on a terminal), bar, lines (a line per stage and tenth, for logs) or none")
      ->check(CLI::IsMember({"auto", "bar", "lines", "none"}));
}

// The request the arguments make, all but its hooks (they belong to the terminal).
EstimateRequest estimate_request_of(const EstimateArgs& a, const InputLimits& limits, const std::string& command_line) {
  EstimateRequest q;
  q.reports_file = a.reports;
  if (a.predict) q.predict_file = *a.predict;
  EstimateOptions& o = q.options;
  o.shock = parse_date(a.shock, {"--shock", 0, ""});
  if (a.start) o.start = parse_date(*a.start, {"--start", 0, ""});
  if (a.end) o.end = parse_date(*a.end, {"--end", 0, ""});
  o.draws = a.draws;
  o.seed = a.seed;
  o.sample_with_nuts = !a.laplace;
  o.nuts.chains = a.chains;
  o.nuts.samples = a.samples;
  if (a.scenario) q.scenario = *a.scenario == "default" ? fs::path() : fs::path(*a.scenario);
  q.threads = a.threads;
  q.limits = limits;
  if (a.out) q.output.dir = *a.out;
  q.output.force = a.force;
  q.output.command_line = command_line;
  return q;
}

// What the estimate tells the terminal: warnings, where its outputs will be, a progress bar
// by stage, Ctrl-C until the outputs are written.
void add_estimate_hooks(EstimateRequest& q, StopOnSignal& stop, std::optional<ProgressBar>& bar,
                        const EstimateArgs& a) {
  q.hooks.stop = stop.flag();
  q.hooks.warn = [](const std::string& warning) { fmt::print(stderr, "warning: {}\n", warning); };
  q.hooks.before_writing = [&stop] { stop.ignore_from_now(); };
  const bool quiet = a.quiet;
  const ProgressStyle style = quiet ? ProgressStyle::kNone : parse_progress_style(a.progress);
  q.hooks.started = [quiet, style, &bar](const std::string& name, const fs::path& out) {
    if (!quiet) fmt::print("exodus: {}: outputs to {}/ when the estimate is done\n", name, out.string());
    std::fflush(stdout);
    bar.emplace("estimate", style);
  };
  q.hooks.stage = [&bar](const std::string& stage, std::int64_t done, std::int64_t total) {
    if (bar) bar->stage(stage, done, total);
  };
}

// The estimate's table and where it went; exit code 3 when the fit was not trustworthy and
// nothing was written.
int print_estimate_outcome(const EstimateArgs& a, const EstimateOutcome& outcome) {
  const EstimateResult& result = outcome.result;
  if (!a.quiet)
    fmt::print("exodus estimate: {} reports, {} corridors, {} days from {}\n{}",
               outcome.reports.reports.size(), result.layout.corridor_count(), result.layout.days,
               result.layout.start.iso(),
               result.diagnostics.hessian_positive ? estimate_table(outcome.reports, result) : "");
  if (!outcome.written) {
    fmt::print(stderr, "exodus estimate: the fit is not trustworthy: {}; no output written\n",
               result.problem());
    return 3;
  }
  if (!a.quiet && outcome.predict) {
    int predicted = 0;
    for (const auto& p : result.predictions) predicted += p.predicted;
    fmt::print("\n  predicted {} of the {} held-back figures (predictions.csv; the rest say why not)\n",
               predicted, result.predictions.size());
  }
  if (!a.quiet)
    fmt::print("\n  output {}/ (daily.csv, reports_fit.csv, {}summary.json, manifest.json), {:.2f} s\n",
               outcome.out.string(), outcome.predict ? "predictions.csv, " : "", result.seconds);
  return kExitOk;
}

}  // namespace

void add_estimate_command(CLI::App& app, int* exit_code, const std::string& command_line) {
  auto* cmd = app.add_subcommand("estimate", "Estimate true flows per corridor and day from conflicting reports");
  auto a = std::make_shared<EstimateArgs>();
  add_estimate_options(cmd, *a);
  const auto limits = add_limit_options(cmd, false, true);
  cmd->callback([=] {
    StopOnSignal stop;
    *exit_code = exit_code_of(
        [&]() -> int {
          try {
            EstimateRequest q = estimate_request_of(*a, *limits, command_line);
            std::optional<ProgressBar> bar;
            add_estimate_hooks(q, stop, bar, *a);
            const EstimateOutcome outcome = estimate_case(q);
            if (bar) bar->finish();
            if (const int printed = print_estimate_outcome(*a, outcome); printed != kExitOk)
              return *exit_code = printed;
            *exit_code = a->report ? write_report_page(outcome.out, outcome.out / "report.html", false, *limits) : kExitOk;
          } catch (const Interrupted&) {
            fmt::print(stderr, "exodus: estimate interrupted; no output written\n");
            *exit_code = stop.exit_code();
          }
          return *exit_code;
        },
        "reports");
  });
}

}  // namespace exodus
