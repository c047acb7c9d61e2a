// exodus run: simulate a Flee case (or the embedded default) and write out.csv, manifest.json
// and summary.json into a new output folder.
#include <filesystem>
#include <memory>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "exodus/app/flee_case.h"
#include "exodus/app/exodus_run.h"
#include "exodus/app/flee_run.h"
#include "exodus/core/digit_grouping.h"
#include "exodus/core/embedded_files.h"
#include "exodus/output/exodus_outputs.h"
#include "exodus/score/targets.h"
#include "exodus/cli/commands.h"
#include "exodus/cli/interrupt.h"
#include "exodus/cli/limit_options.h"
#include "exodus/cli/progress.h"
#include "exodus/core/error.h"
#include "exodus/output/flee_out_csv.h"
#include "exodus/output/output_dir.h"
#include "exodus/output/flee_outputs.h"
#include "exodus/score/flee_score.h"

namespace exodus {

namespace fs = std::filesystem;

namespace {

struct RunArgs {
  std::optional<std::string> target, flee_dir, validation_dir, settings_file, out_dir;
  std::uint64_t seed = 1;
  int threads = 0;
  std::int32_t days = 0;
  bool seed_given = false;
  bool force = false;
  bool quiet = false;
  std::string progress = "auto";
  std::shared_ptr<InputLimits> limits = std::make_shared<InputLimits>();
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
    fmt::print("\n  {:<24} {:>10} {:>10}\n", "camp (last day)", "simulated", "data");
    for (std::size_t c = 0; c < t.camps.size(); ++c)
      fmt::print("  {:<24} {:>10} {:>10}\n", t.camps[c], grouped(t.sim[last][c]), grouped(t.data[last][c]));
    fmt::print("  {:<24} {:>10} {:>10}\n\n", "all camps", grouped(t.sim_in_camps[last]), grouped(t.data_in_camps[last]));
  }
  fmt::print("  agents              {}\n", grouped(static_cast<std::int64_t>(run.final_agents)));
  if (w.has_validation())
    fmt::print("  validation error    ARD {:.3f}, rescaled {:.3f}, mean Total error {:.3f}\n",
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

int run_flee_case(const RunArgs& args, const std::string& command_line) {
  FleeCaseSpec spec;
  if (args.flee_dir) spec.input_dir = *args.flee_dir;
  if (args.validation_dir) spec.validation_dir = *args.validation_dir;
  if (args.settings_file) spec.settings_file = *args.settings_file;
  if (args.validation_dir && !args.flee_dir)
    throw InputError({"--validation", 0, ""}, "needs --flee DIR (the embedded case has its own)");
  spec.max_days = args.days;
  spec.limits = *args.limits;
  const LoadedFleeCase loaded = load_flee_case(spec);
  for (const auto& warning : loaded.world.warnings) fmt::print(stderr, "warning: {}\n", warning);
  const int threads = args.threads > 0 ? args.threads
                                        : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));

  const fs::path out = args.out_dir ? fs::path(*args.out_dir)
                                    : unique_output_path("runs", fmt::format("{}-seed{}", loaded.world.case_name, args.seed));
  // Check the output folder before the run, so a name clash fails fast; nothing is written
  // to disk until the run is over.
  StagedOutputDir staged(out, args.force);

  StopOnSignal stop;
  ProgressBar bar(loaded.world.case_name, progress_style(args));
  FleeRunOptions options;
  options.seed = args.seed;
  options.threads = threads;
  options.stop = stop.flag();
  options.progress = [&](std::int32_t done, std::int32_t total, std::size_t agents) {
    bar.update(done, total, agents);
  };
  const FleeRunResult result = run_flee(loaded.world, options);
  bar.finish();
  if (result.interrupted) {
    fmt::print(stderr, "exodus: interrupted after day {} of {}; no output written\n",
               result.days_run, loaded.world.days);
    return stop.exit_code();
  }
  stop.ignore_from_now();

  const FleeScore score = score_flee(result.table);
  RunIdentity id{command_line, args.seed, threads, loaded.settings_origin, loaded.inputs};
  staged.write("out.csv", format_flee_out_csv(loaded.world, result.table));
  staged.write("manifest.json", flee_manifest_json(loaded.world, id));
  staged.write("summary.json", flee_summary_json(loaded.world, result, score));
  staged.commit();
  if (!args.quiet) print_summary(loaded, result, score, out, threads, args.seed);
  return kExitOk;
}

int run_scenario(const RunArgs& args, const std::string& command_line,
                 const std::optional<fs::path>& folder) {
  if (args.validation_dir || args.settings_file)
    throw InputError({"--validation/--settings", 0, ""}, "apply to Flee cases only (use --flee DIR)");
  LoadedScenario loaded = load_scenario(folder, *args.limits);
  Scenario& scenario = loaded.scenario;
  if (args.days > 0 && args.days < scenario.days) {
    scenario.days = args.days;
    scenario.end_date = scenario.start_date + (args.days - 1);
  }
  const std::uint64_t seed = args.seed_given ? args.seed : scenario.seed;
  const int threads = args.threads > 0 ? args.threads
                                        : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const fs::path out = args.out_dir ? fs::path(*args.out_dir)
                                    : unique_output_path("runs", fmt::format("{}-seed{}", scenario.name, seed));
  StagedOutputDir staged(out, args.force);

  StopOnSignal stop;
  ProgressBar bar(scenario.name, progress_style(args));
  ExodusRunOptions options;
  options.seed = seed;
  options.threads = threads;
  options.stop = stop.flag();
  options.progress = [&](std::int32_t done, std::int32_t total, std::size_t agents) { bar.update(done, total, agents); };
  const ExodusRunResult result = run_exodus(scenario, options);
  bar.finish();
  if (result.interrupted) {
    fmt::print(stderr, "exodus: interrupted after day {} of {}; no output written\n", result.days_run, scenario.days);
    return stop.exit_code();
  }
  stop.ignore_from_now();
  const auto targets = evaluate_targets(scenario, result.series);
  const ExodusRunSummary summary = summarize_exodus_run(scenario, result.series);
  const RunIdentity id{command_line, seed, threads, scenario.folder, loaded.inputs};
  staged.write("daily.csv", exodus_daily_csv(result.series));
  staged.write("summary.json", exodus_summary_json(scenario, result, summary, targets));
  staged.write("manifest.json", exodus_manifest_json(scenario, id));
  staged.commit();
  if (!args.quiet) {
    fmt::print("exodus run: scenario '{}' (exodus rule set), {} to {}, seed {}, {} thread{}\n", scenario.name,
               scenario.start_date.iso(), scenario.end_date.iso(), seed, threads, threads == 1 ? "" : "s");
    fmt::print("{}", exodus_table(scenario, summary, targets));
    fmt::print("\n  wall time {:.2f} s, {} leavers simulated\n", result.wall_seconds,
               grouped(static_cast<std::int64_t>(result.leavers)));
    fmt::print("  output    {}/ (daily.csv, summary.json, manifest.json)\n", out.string());
  }
  return kExitOk;
}

// `exodus run [TARGET]`: no target runs the embedded scenario; a folder with scenario.yaml is a
// scenario; a folder with locations.csv, or --flee DIR, or the name "mali" is a Flee case.
int run(const RunArgs& args, const std::string& command_line) {
  if (args.flee_dir || (args.target && *args.target == embedded_default_case_name())) {
    RunArgs flee = args;
    if (!args.flee_dir) flee.flee_dir.reset();
    if (args.target && *args.target == embedded_default_case_name() && args.flee_dir)
      throw InputError({"run", 0, ""}, "give either a case name or --flee DIR, not both");
    return run_flee_case(flee, command_line);
  }
  if (!args.target) return run_scenario(args, command_line, std::nullopt);
  const fs::path target(*args.target);
  if (fs::is_regular_file(target / "scenario.yaml")) return run_scenario(args, command_line, target);
  if (fs::is_regular_file(target / "locations.csv")) {
    RunArgs flee = args;
    flee.flee_dir = *args.target;
    return run_flee_case(flee, command_line);
  }
  throw InputError({*args.target, 0, ""},
                   "is not a scenario folder (scenario.yaml) or a Flee input folder (locations.csv), nor the "
                   "name of an embedded case (mali)");
}

}  // namespace

void add_run_command(CLI::App& app, int* exit_code, const std::string& command_line) {
  auto* cmd = app.add_subcommand(
      "run", "Simulate a scenario: with no argument, the embedded 2022 mobilisation scenario");
  auto args = std::make_shared<RunArgs>();
  cmd->add_option("SCENARIO", args->target,
                  "a scenario folder, a Flee input folder, or 'mali' (Flee's Mali case, embedded)");
  cmd->add_option("--flee", args->flee_dir, "a Flee input folder (locations.csv, routes.csv, ...)");
  cmd->add_option("--validation", args->validation_dir,
                  "its validation folder (data_layout.csv and camp series)");
  cmd->add_option("--settings", args->settings_file,
                  "simsetting.yml (default: the one in the input folder, else Flee's defaults)");
  cmd->add_option("--seed", args->seed, "random seed (same seed and inputs, same output)")
      ->each([args](const std::string&) { args->seed_given = true; });
  cmd->add_option("--threads", args->threads, "worker threads (default: all cores)")
      ->check(CLI::Range(1, 1024));
  cmd->add_option("--days", args->days, "simulate only the first N days")->check(CLI::Range(1, 100000));
  cmd->add_option("--out", args->out_dir, "output folder to create (default: runs/<case>-seed<N>)");
  cmd->add_flag("--force", args->force, "replace the output folder if it exists");
  cmd->add_flag("--quiet", args->quiet, "no progress bar or summary");
  cmd->add_option("--progress", args->progress,
                  "auto (a bar on a terminal), bar, lines (a line per percent, for logs) or none")
      ->check(CLI::IsMember({"auto", "bar", "lines", "none"}));
  args->limits = add_limit_options(cmd, true);
  cmd->callback([=] {
    try {
      *exit_code = run(*args, command_line);
    } catch (const InputErrors& e) {
      fmt::print(stderr, "exodus: {} problem{} in the input:\n{}\n", e.errors().size(),
                 e.errors().size() == 1 ? "" : "s", e.what());
      *exit_code = kExitBadInput;
    } catch (const InputError& e) {
      fmt::print(stderr, "exodus: {}\n", e.what());
      *exit_code = kExitBadInput;
    } catch (const OutputError& e) {
      fmt::print(stderr, "exodus: {}\n", e.what());
      *exit_code = kExitBadInput;
    }
  });
}

}  // namespace exodus
