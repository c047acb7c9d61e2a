// exodus run [TARGET]: simulate a scenario (the embedded 2022 one by default) and write
// daily.csv, summary.json, reports_fit.csv and manifest.json; a Flee case (--flee DIR, or
// 'mali') and write out.csv in Flee's layout; or, with --members N, an ensemble of the scenario.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "exodus/app/ensemble_use_case.h"
#include "exodus/app/flee_use_case.h"
#include "exodus/app/input_kind.h"
#include "exodus/app/scenario_use_case.h"
#include "exodus/cli/commands.h"
#include "exodus/cli/exit_codes.h"
#include "exodus/cli/interrupt.h"
#include "exodus/cli/limit_options.h"
#include "exodus/cli/progress.h"
#include "exodus/core/digit_grouping.h"
#include "exodus/core/embedded_files.h"
#include "exodus/core/error.h"
#include "exodus/ranks/rank_farm.h"
#include "exodus/output/ensemble_outputs.h"
#include "exodus/output/exodus_outputs.h"
#include "exodus/output/output_dir.h"
#include "exodus/output/run_report_fit_outputs.h"

namespace exodus {

namespace fs = std::filesystem;

namespace {

struct RunArgs {
  std::optional<std::string> target, flee_dir, validation_dir, settings_file, out_dir;
  std::uint64_t seed = 1;
  int threads = 0;
  std::int32_t days = 0;
  std::size_t members = 0;  // > 0: an ensemble
  bool prior = false;
  bool seed_given = false;
  bool force = false;
  bool quiet = false;
  bool report = false;  // write report.html into the output folder
  std::string progress = "auto";
  std::shared_ptr<InputLimits> limits = std::make_shared<InputLimits>();
  RankFarm* farm = nullptr;  // the MPI job's ranks: an ensemble's members are shared over them
};

ProgressStyle progress_style(const RunArgs& args) {
  return args.quiet ? ProgressStyle::kNone : parse_progress_style(args.progress);
}

void print_summary(const LoadedFleeCase& loaded, const FleeRunResult& run, const FleeScore& score,
                   const fs::path& out, int threads, std::uint64_t seed) {
  const auto& w = loaded.world;
  const auto& t = run.table;
  fmt::print("exodus run: case '{}' (flee rule set), {} days from {}, seed {}, {} thread{}\n",
             w.case_name, run.days_run, w.start_date.iso(), seed, threads, threads == 1 ? "" : "s");
  if (!t.camps.empty() && t.days() > 0) {
    const auto last = t.days() - 1;
    fmt::print("\n  {:<28} {:>10} {:>10}\n", fmt::format("camp, {} (day {})", w.date_of_day(last).iso(), last),
               "simulated", "data");
    for (std::size_t c = 0; c < t.camps.size(); ++c)
      fmt::print("  {:<28} {:>10} {:>10}\n", t.camps[c], grouped(t.sim[last][c]), grouped(t.data[last][c]));
    fmt::print("  {:<28} {:>10} {:>10}\n\n", "all camps", grouped(t.sim_in_camps[last]), grouped(t.data_in_camps[last]));
  }
  fmt::print("  agents              {}\n", grouped(static_cast<std::int64_t>(run.final_agents)));
  if (w.has_validation())
    fmt::print("  validation error    ARD {:.3f}, rescaled {:.3f}, mean Total error {:.3f}\n"
               "                      (Flee's averaged relative difference of camps from the data over the days; 0 is a "
               "perfect fit)\n",
               score.ard, score.ard_rescaled, score.mean_total_error);
  fmt::print("  wall time           {:.3f} s ({:.1f} M agent-days/s)\n", run.wall_seconds,
             run.wall_seconds > 0 ? static_cast<double>(run.agent_days) / run.wall_seconds / 1e6 : 0.0);
  if (run.stats.route_not_found > 0)
    fmt::print("  note                {} decisions to move found no open route (agents stayed)\n",
               grouped(run.stats.route_not_found));
  if (run.stats.unplaced_spawns > 0)
    fmt::print("  warning             {} agents could not be spawned: no location was in conflict\n",
               grouped(run.stats.unplaced_spawns));
  fmt::print("  output              {}/ (out.csv, manifest.json, summary.json)\n", out.string());
}

// What a run tells the terminal: warnings on stderr, a progress bar once the case is read,
// Ctrl-C until outputs are written.
UseCaseHooks console_hooks(StopOnSignal& stop, std::optional<ProgressBar>& bar, ProgressStyle style, bool quiet) {
  UseCaseHooks hooks;
  hooks.stop = stop.flag();
  hooks.warn = [](const std::string& warning) { fmt::print(stderr, "warning: {}\n", warning); };
  hooks.started = [&bar, style, quiet](const std::string& name, const fs::path& out) {
    // Where the outputs will be, first (they appear there, whole, once the run is over).
    if (!quiet) fmt::print("exodus: {}: outputs to {}/ when the run is over\n", name, out.string());
    std::fflush(stdout);
    bar.emplace(name, style);
  };
  hooks.progress = [&bar](std::int32_t done, std::int32_t total, std::size_t agents) { bar->update(done, total, agents); };
  hooks.before_writing = [&stop] { stop.ignore_from_now(); };
  return hooks;
}

UseCaseOutput output_of(const RunArgs& args, const std::string& command_line) {
  UseCaseOutput out;
  if (args.out_dir) out.dir = *args.out_dir;
  out.force = args.force;
  out.command_line = command_line;
  return out;
}

int run_flee(const RunArgs& args, const std::string& command_line) {
  if (args.members > 0) throw InputError({"--members", 0, ""}, "applies to exodus scenarios, not to Flee cases");
  if (args.validation_dir && !args.flee_dir)
    throw InputError({"--validation", 0, ""}, "needs --flee DIR (the embedded case has its own)");
  FleeRunRequest q;
  if (args.flee_dir) q.spec.input_dir = *args.flee_dir;
  if (args.validation_dir) q.spec.validation_dir = *args.validation_dir;
  if (args.settings_file) q.spec.settings_file = *args.settings_file;
  q.spec.max_days = args.days;
  q.spec.limits = *args.limits;
  q.seed = args.seed;
  q.threads = args.threads;
  q.output = output_of(args, command_line);
  StopOnSignal stop;
  std::optional<ProgressBar> bar;
  q.hooks = console_hooks(stop, bar, progress_style(args), args.quiet);
  const FleeRunOutcome o = run_flee_case(q);
  if (bar) bar->finish();
  if (o.run.interrupted) {
    fmt::print(stderr, "exodus: interrupted after day {} of {}; no output written\n", o.run.days_run,
               o.loaded.world.days);
    return stop.exit_code();
  }
  if (!args.quiet) print_summary(o.loaded, o.run, o.score, o.out, o.threads, args.seed);
  if (args.report) return write_report_page(o.out, o.out / "report.html", false, *args.limits);
  return kExitOk;
}

// exodus run --members N [--prior]: N runs side by side, their bands in forecast.csv.
int run_ensemble(const RunArgs& args, const std::string& command_line, const std::optional<fs::path>& folder) {
  EnsembleRequest q;
  q.folder = folder;
  q.days = args.days;
  if (args.seed_given) q.seed = args.seed;
  q.members = args.members;
  q.prior = args.prior;
  q.threads = args.threads;
  q.farm = args.farm;
  q.limits = *args.limits;
  q.output = output_of(args, command_line);
  StopOnSignal stop;
  q.hooks.stop = stop.flag();
  q.hooks.warn = [](const std::string& warning) { fmt::print(stderr, "warning: {}\n", warning); };
  q.hooks.before_writing = [&stop] { stop.ignore_from_now(); };
  const bool quiet = args.quiet;
  const std::size_t members = args.members;
  q.hooks.started = [quiet, members](const std::string& name, const fs::path& out) {
    if (!quiet) fmt::print("exodus: {}: {} members; outputs to {}/ when they are over\n", name, members, out.string());
    std::fflush(stdout);
  };
  try {
    const EnsembleOutcome o = run_ensemble_case(q);
    if (!args.quiet) {
      const Scenario& scenario = o.loaded.scenario;
      fmt::print("exodus run: scenario '{}', {} to {}, an ensemble of {} members ({}), seeds {} to {}, {} thread{}\n",
                 scenario.name, scenario.start_date.iso(), scenario.end_date.iso(), args.members,
                 args.prior ? "parameters drawn from the priors" : "the scenario's values", o.result.seed,
                 o.result.seed + args.members - 1, o.threads, o.threads == 1 ? "" : "s");
      fmt::print("{}", ensemble_table(o.result));
      fmt::print("  output    {}/ (forecast.csv, members.csv, {}summary.json, manifest.json)\n", o.out.string(),
                 o.result.fits.empty() ? "" : "reports_fit.csv, ");
    }
    if (args.report) return write_report_page(o.out, o.out / "report.html", false, *args.limits);
  } catch (const Interrupted&) {
    fmt::print(stderr, "exodus: interrupted; no output written\n");
    return stop.exit_code();
  }
  return kExitOk;
}

int run_scenario(const RunArgs& args, const std::string& command_line, const std::optional<fs::path>& folder) {
  if (args.validation_dir || args.settings_file)
    throw InputError({"--validation/--settings", 0, ""}, "apply to Flee cases only (use --flee DIR)");
  if (args.prior && args.members == 0)
    throw InputError({"--prior", 0, ""}, "draws each member's parameters: it needs --members N");
  if (args.members > 0) return run_ensemble(args, command_line, folder);
  ScenarioRunRequest q;
  q.folder = folder;
  q.days = args.days;
  if (args.seed_given) q.seed = args.seed;
  q.threads = args.threads;
  q.limits = *args.limits;
  q.output = output_of(args, command_line);
  StopOnSignal stop;
  std::optional<ProgressBar> bar;
  q.hooks = console_hooks(stop, bar, progress_style(args), args.quiet);
  const ScenarioRunOutcome o = run_scenario_case(q);
  if (bar) bar->finish();
  const Scenario& scenario = o.loaded.scenario;
  if (o.run.interrupted) {
    fmt::print(stderr, "exodus: interrupted after day {} of {}; no output written\n", o.run.days_run, scenario.days);
    return stop.exit_code();
  }
  if (!args.quiet) {
    fmt::print("exodus run: scenario '{}' (exodus rule set), {} to {}, seed {}, {} thread{}\n", scenario.name,
               scenario.start_date.iso(), scenario.end_date.iso(), o.seed, o.threads, o.threads == 1 ? "" : "s");
    fmt::print("{}", exodus_table(scenario, o.summary, o.targets));
    fmt::print("{}", run_reports_fit_table(scenario, o.report_fits));
    const double on_their_way = static_cast<double>(o.run.leavers) - o.summary.departures - o.summary.gave_up;
    fmt::print("\n  wall time {:.2f} s; {} agents, the people who decided to leave ({} still on their way at the end)\n",
               o.run.wall_seconds, grouped(static_cast<std::int64_t>(o.run.leavers)),
               grouped(std::llround(std::max(0.0, on_their_way))));
    fmt::print("  output    {}/ (daily.csv, places.csv, summary.json, {}manifest.json)\n", o.out.string(),
               o.report_fits.empty() ? "" : "reports_fit.csv, ");
  }
  if (args.report) return write_report_page(o.out, o.out / "report.html", false, *args.limits);
  return kExitOk;
}

// `exodus run [TARGET]`: no target (or "default") runs the embedded scenario; a folder with scenario.yaml is a
// scenario; a folder with locations.csv, or --flee DIR, or the name "mali" is a Flee case.
int run(const RunArgs& args, const std::string& command_line) {
  // Under MPI only an ensemble shares its members; a single run is rank 0's alone, and another
  // rank leaves rather than run it again into the same folder.
  if (args.farm && args.farm->rank() != 0 && args.members == 0) return kExitOk;
  if (args.flee_dir || (args.target && *args.target == embedded_default_case_name())) {
    RunArgs flee = args;
    if (!args.flee_dir) flee.flee_dir.reset();
    if (args.target && *args.target == embedded_default_case_name() && args.flee_dir)
      throw InputError({"run", 0, ""}, "give either a case name or --flee DIR, not both");
    return run_flee(flee, command_line);
  }
  const fs::path target(args.target.value_or(""));
  if (!args.target || (*args.target == kDefaultScenarioName && !fs::exists(target)))
    return run_scenario(args, command_line, std::nullopt);
  switch (input_kind_of(target)) {
    case InputKind::kScenarioFolder: return run_scenario(args, command_line, target);
    case InputKind::kFleeFolder: {
      RunArgs flee = args;
      flee.flee_dir = *args.target;
      return run_flee(flee, command_line);
    }
    default:
      throw InputError({*args.target, 0, ""},
                       "is not a scenario folder (scenario.yaml) or a Flee input folder (locations.csv), nor the "
                       "name of an embedded case (mali)");
  }
}

}  // namespace

void add_run_command(CLI::App& app, int* exit_code, const std::string& command_line, RankFarm* farm) {
  auto* cmd = app.add_subcommand(
      "run", "Simulate a scenario: with no argument, the embedded 2022 mobilisation scenario");
  auto args = std::make_shared<RunArgs>();
  args->farm = farm;
  cmd->add_option("SCENARIO", args->target,
                  "a scenario folder, a Flee input folder, 'default' (the embedded 2022 scenario) or 'mali' "
                  "(Flee's Mali case, embedded)");
  cmd->add_option("--flee", args->flee_dir, "a Flee input folder (locations.csv, routes.csv, ...)");
  cmd->add_option("--validation", args->validation_dir,
                  "its validation folder (data_layout.csv and camp series)");
  cmd->add_option("--settings", args->settings_file,
                  "simsetting.yml (default: the one in the input folder, else Flee's defaults)");
  cmd->add_option("--seed", args->seed,
                  "random seed (default: the scenario's own, 1 for a Flee case; same seed and inputs, same output)")
      ->check(kSeed)
      ->each([args](const std::string&) { args->seed_given = true; });
  cmd->add_option("--threads", args->threads, "worker threads (default, and at most: all cores)")
      ->check(CLI::Range(1, 1024));
  cmd->add_option("--days", args->days, "simulate only the first N days")->check(CLI::Range(1, 100000));
  cmd->add_option("--members", args->members,
                  "run an ensemble of N members (member m with seed S+m) and write the bands of every daily series "
                  "(forecast.csv) instead of one run's daily.csv")
      ->check(CLI::Range(std::size_t{1}, kMostEnsembleMembers));
  cmd->add_flag("--prior", args->prior,
                "with --members: draw each member's uncertain parameters from the scenario's priors (priors.csv)");
  cmd->add_option("--out", args->out_dir, "output folder to create (default: runs/<case>-seed<N>)");
  cmd->add_flag("--force", args->force, "replace the output folder if it exists");
  cmd->add_flag("--quiet", args->quiet, "no progress bar or summary");
  cmd->add_flag("--report", args->report, "also write report.html, the charts of the run or ensemble (exodus report), into the output folder");
  cmd->add_option("--progress", args->progress,
                  "auto (a bar on a terminal), bar, lines (a line per percent, for logs) or none")
      ->check(CLI::IsMember({"auto", "bar", "lines", "none"}));
  args->limits = add_limit_options(cmd, true, false, true);
  cmd->callback([=] { *exit_code = exit_code_of([&] { return run(*args, command_line); }); });
}

}  // namespace exodus
