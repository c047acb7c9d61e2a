// exodus calibrate [SCENARIO] [REPORTS.csv...]: fit a scenario's uncertain values to published
// figures as of a date, and forecast every daily series with intervals.
#include <cstdio>
#include <filesystem>
#include <optional>

#include <fmt/format.h>

#include "exodus/app/calibrate_use_case.h"
#include "exodus/app/flee_calibrate_use_case.h"
#include "exodus/app/calibration_checkpoint.h"
#include "exodus/cli/commands.h"
#include "exodus/cli/exit_codes.h"
#include "exodus/cli/interrupt.h"
#include "exodus/cli/limit_options.h"
#include "exodus/core/error.h"
#include "exodus/core/parse.h"
#include "exodus/output/calibrate_outputs.h"
#include "exodus/output/flee_calibrate_outputs.h"
#include "exodus/output/output_dir.h"

namespace exodus {

namespace fs = std::filesystem;

namespace {

struct CalibrateArgs {
  std::vector<std::string> inputs;
  std::optional<std::string> as_of, predict, out, flee_dir, validation_dir, settings_file;
  bool keep_future_events = false;
  std::size_t members = 64, budget = 0;
  std::optional<double> people_per_agent;
  std::uint64_t seed = 1;
  int threads = 0;
  bool force = false, quiet = false, resume = false, report = false;
};

void print_stage(const SmcProgress& p) {
  const double rate = p.seconds > 0 ? static_cast<double>(p.simulations) / p.seconds : 0;
  const double left = rate > 0 && p.budget > p.simulations ? static_cast<double>(p.budget - p.simulations) / rate : 0;
  fmt::print(stderr,
             "  stage {:>2}: temperature {:.4f}, effective members {:.1f}, {} moves ({:.0f}% accepted, {:.0f}% of the "
             "independent ones), {} simulations ({:.1f}/s), at most {:.0f} s left\n",
             p.stage->stage, p.stage->temperature, p.stage->ess, p.stage->moves, 100 * p.stage->acceptance,
             100 * p.stage->independent_acceptance, p.simulations, rate, left);
}

UseCaseOutput output_of(const CalibrateArgs& a, const std::string& command_line) {
  UseCaseOutput out;
  if (a.out) out.dir = *a.out;
  out.force = a.force;
  out.command_line = command_line;
  return out;
}

// What a calibration tells the terminal: warnings, where its outputs will be (`what`: what is
// calibrated), the checkpoint's path once known, Ctrl-C until the outputs are written.
UseCaseHooks console_hooks(StopOnSignal& stop, bool quiet, fs::path& checkpoint, const std::string& what) {
  UseCaseHooks hooks;
  hooks.stop = stop.flag();
  hooks.before_writing = [&stop] { stop.ignore_from_now(); };
  hooks.warn = [](const std::string& w) { fmt::print(stderr, "exodus: {}\n", w); };
  hooks.started = [quiet, &checkpoint, what](const std::string& name, const fs::path& out) {
    checkpoint = calibration_checkpoint_path(out);
    if (!quiet) fmt::print("exodus: calibrating {}{}: outputs to {}/ when done\n", what, name, out.string());
    std::fflush(stdout);
  };
  return hooks;
}

// exodus calibrate --flee DIR --validation VDIR --as-of DAY: a Flee case's move rules.
int calibrate_flee(const CalibrateArgs& a, const std::string& command_line, StopOnSignal& stop, fs::path& checkpoint,
                   const InputLimits& limits, RankFarm* farm) {
  for (const auto& [given, name] : {std::pair{!a.inputs.empty(), "INPUTS"}, std::pair{a.predict.has_value(), "--predict"},
                                    std::pair{a.keep_future_events, "--keep-future-events"},
                                    std::pair{a.people_per_agent.has_value(), "--people-per-agent"},
                                    std::pair{a.report, "--report"}})
    if (given) throw InputError({name, 0, ""}, "applies to scenarios, not with --flee");
  if (!a.validation_dir)
    throw InputError({"--validation", 0, ""}, "is needed with --flee: the calibration fits the case's camp data");
  FleeCalibrateRequest q;
  q.spec.input_dir = *a.flee_dir;
  q.spec.validation_dir = *a.validation_dir;
  if (a.settings_file) q.spec.settings_file = *a.settings_file;
  q.spec.limits = limits;
  if (a.as_of) q.as_of = AsOf::parse(*a.as_of, {"--as-of", 0, ""});
  q.members = a.members;
  q.budget = a.budget;
  q.seed = a.seed;
  q.threads = a.threads;
  q.resume = a.resume;
  q.farm = farm;
  q.output = output_of(a, command_line);
  q.hooks = console_hooks(stop, a.quiet, checkpoint, "the Flee case ");
  if (!a.quiet) q.progress = print_stage;
  const FleeCalibrateOutcome o = calibrate_flee_case(q);
  if (!a.quiet) {
    const auto& c = o.result;
    fmt::print("exodus calibrate --flee: case '{}', camp data of days 0 to {} fitted ({} camps, {} days read), {} settings\n{}",
               c.case_name, c.as_of_day, c.observed_camps, c.fitted_days.size(), c.simulated_coordinates,
               flee_calibrate_table(c));
    fmt::print("\n  output {}/ (posterior.csv, forecast.csv, out.csv, summary.json, manifest.json)\n", o.out.string());
  }
  return kExitOk;
}

// exodus calibrate [SCENARIO] [REPORTS.csv...]: a scenario's priors.
int calibrate_scenario(const CalibrateArgs& a, const std::string& command_line, StopOnSignal& stop, fs::path& checkpoint,
                       const InputLimits& limits, RankFarm* farm) {
  CalibrateRequest q;
  std::size_t first_report = 0;
  if (!a.inputs.empty() && (a.inputs[0] == kDefaultScenarioName || fs::is_directory(a.inputs[0]))) {
    if (a.inputs[0] != kDefaultScenarioName) q.scenario = fs::path(a.inputs[0]);
    first_report = 1;
  }
  for (std::size_t i = first_report; i < a.inputs.size(); ++i) q.reports_files.emplace_back(a.inputs[i]);
  if (a.as_of) q.as_of = AsOf::parse(*a.as_of, {"--as-of", 0, ""});
  q.keep_future_events = a.keep_future_events;
  if (a.predict) q.predict_file = *a.predict;
  q.members = a.members;
  q.budget = a.budget;
  q.seed = a.seed;
  q.threads = a.threads;
  q.resume = a.resume;
  q.people_per_agent = a.people_per_agent;
  q.farm = farm;
  q.limits = limits;
  q.output = output_of(a, command_line);
  q.hooks = console_hooks(stop, a.quiet, checkpoint, "");
  if (!a.quiet) q.progress = print_stage;
  const CalibrateOutcome outcome = calibrate_case(q);
  const auto& c = outcome.result;
  if (!a.quiet) {
    fmt::print("exodus calibrate: {} figures fitted ({} published after the as-of date left out), {} parameters\n{}",
               c.fitted.reports.size(), c.after_as_of, c.priors.size(), calibrate_table(c));
    fmt::print("\n  output {}/ (posterior.csv, forecast.csv, reports_fit.csv, {}summary.json, manifest.json)\n",
               outcome.out.string(), outcome.predict ? "predictions.csv, " : "");
  }
  return a.report ? write_report_page(outcome.out, outcome.out / "report.html", false, limits) : kExitOk;
}

}  // namespace

void add_calibrate_command(CLI::App& app, int* exit_code, const std::string& command_line, RankFarm* farm) {
  auto* cmd = app.add_subcommand(
      "calibrate", "Fit a scenario's priors to published figures as of a date and forecast with intervals; with --flee, a Flee "
      "case's move rules to its camp data up to a day, and forecast its camps");
  auto a = std::make_shared<CalibrateArgs>();
  cmd->add_option("INPUTS", a->inputs,
                  "a scenario folder first (default: the embedded 2022 scenario), then reports CSVs read as one "
                  "(default: the scenario's own, scenario.yaml reports)");
  cmd->add_option("--as-of", a->as_of,
                  "use only the reports published by this date (reported_on, else window_end); events after it are "
                  "dropped. A date (YYYY-MM-DD) or a day number of the case (0: the scenario's start date); with --flee, "
                  "the last day whose camp data is fitted (day d's counts are dated the day after it, as in out.csv)");
  cmd->add_option("--flee", a->flee_dir,
                  "calibrate a Flee case instead (its input folder): its move rules fitted to its camp data up to --as-of, "
                  "the camps forecast after it (docs/calibrate-flee.md)");
  cmd->add_option("--validation", a->validation_dir, "with --flee: the case's validation folder (its camp data)");
  cmd->add_option("--settings", a->settings_file,
                  "with --flee: a simsetting.yml (default: the case's own, else Flee's code defaults); the priors are "
                  "centred on its values");
  cmd->add_flag("--keep-future-events", a->keep_future_events,
                "with --as-of: keep the events dated after it (policy what-ifs)");
  cmd->add_option("--predict", a->predict, "a reports CSV of figures not to fit but to predict: predictions.csv");
  cmd->add_option("--members", a->members, "members of the population (parameter sets carried together)")
      ->check(CLI::Range(8, 100000))
      ->capture_default_str();
  cmd->add_option("--budget", a->budget, "simulations at most (default: 200 per member)")
      ->check(CLI::Range(16, 100000000));
  cmd->add_option("--seed", a->seed, "random seed")->check(kSeed)->capture_default_str();
  cmd->add_option("--people-per-agent", a->people_per_agent,
                  "each agent stands for this many people: runs k times cheaper, their counts k times noisier "
                  "(bench/people-per-agent measures the likelihood's scatter; default: the scenario's "
                  "calibration_people_per_agent, else 1)")
      ->check(CLI::Range(1.0, kMostPeoplePerAgent));
  cmd->add_option("--threads", a->threads,
                  "members run at once (default, and at most: all cores; results do not depend on it)")
      ->check(CLI::Range(1, 1024));
  cmd->add_option("--out", a->out, "output folder to create (default: runs/calibrate-<scenario>-seed<N>; with --flee, "
                  "runs/calibrate-<case>-day<DAY>-seed<N>)");
  cmd->add_flag("--force", a->force,
                "replace the output folder if it exists, and start afresh over a stopped calibration's checkpoint");
  cmd->add_flag("--resume", a->resume,
                "continue a stopped calibration from its last completed stage (the checkpoint "
                "<out>.checkpoint beside the output folder)");
  cmd->add_flag("--quiet", a->quiet, "no progress lines or table");
  cmd->add_flag("--report", a->report, "also write report.html, the forecast's charts (exodus report), into the output folder");
  const auto limits = add_limit_options(cmd, true, true);
  cmd->callback([=] {
    StopOnSignal stop;
    *exit_code = exit_code_of(
        [&]() -> int {
          fs::path checkpoint;  // known once the calibration has started
          try {
            if (!a->flee_dir && (a->validation_dir || a->settings_file))
              throw InputError({a->validation_dir ? "--validation" : "--settings", 0, ""}, "applies with --flee DIR only");
            *exit_code = a->flee_dir ? calibrate_flee(*a, command_line, stop, checkpoint, *limits, farm)
                                     : calibrate_scenario(*a, command_line, stop, checkpoint, *limits, farm);
          } catch (const Interrupted&) {
            if (!checkpoint.empty() && fs::exists(checkpoint))
              fmt::print(stderr,
                         "exodus: calibration interrupted; no output written; its last completed stage is kept in {}: "
                         "the same command with --resume continues from there\n",
                         checkpoint.string());
            else
              fmt::print(stderr, "exodus: calibration interrupted; no output written\n");
            *exit_code = stop.exit_code();
          } catch (const std::invalid_argument& e) {
            // The sampler's refusals (e.g. no member of the prior has a finite likelihood).
            fmt::print(stderr, "exodus: {}\n", e.what());
            *exit_code = kExitBadInput;
          }
          return *exit_code;
        },
        "inputs");
  });
}

}  // namespace exodus
