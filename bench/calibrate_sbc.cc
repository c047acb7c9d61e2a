// Simulation-based calibration of exodus calibrate: truths drawn from a scenario's priors (and
// the discrepancies'), the figures of its reports published by --as-of rendered from each
// truth's run, calibrated, and the truth's rank recorded for every parameter and key total.
//   build/exodus_calibrate_sbc [REPLICATES] [--scenario DIR] [--as-of DATE] [--members N] [--budget N]
//                              [--people-per-agent K] [--threads N] [--replicates-at-once N]
#include <CLI/CLI.hpp>

#include <fmt/format.h>

#include <optional>
#include <string>

#include "exodus/app/calibration_sbc.h"
#include "exodus/infer/smc_sampler.h"
#include "exodus/app/exodus_run.h"
#include "exodus/core/date.h"
#include "sbc_table.h"

int main(int argc, char** argv) {
  using namespace exodus;
  CLI::App app("exodus calibrate's simulation-based calibration");
  CalibrationSbcOptions o;
  std::optional<std::string> folder;
  std::string as_of = "2022-09-30";
  o.members = 16;
  app.add_option("REPLICATES", o.replicates)->capture_default_str();
  app.add_option("--scenario", folder, "a scenario folder with priors.csv and reports (default: the embedded 2022 one)");
  app.add_option("--as-of", as_of, "the design: the scenario's reports published by this date")->capture_default_str();
  app.add_option("--members", o.members)->capture_default_str();
  app.add_option("--budget", o.budget, "simulations per calibration (default: 200 per member)");
  app.add_option("--seed", o.seed)->capture_default_str();
  app.add_option("--threads", o.threads, "default: every core");
  app.add_option("--replicates-at-once", o.replicates_at_once,
                 "replicates calibrated side by side, each on its share of the threads (default: one a thread)");
  app.add_option("--people-per-agent", o.people_per_agent, "the members' agents stand for this many people (default: the scenario's)");
  CLI11_PARSE(app, argc, argv);
  const Scenario s = load_scenario(folder ? std::optional<std::filesystem::path>(*folder) : std::nullopt).scenario;
  const Date cut = *Date::parse(as_of);
  std::vector<Report> design;
  for (const auto& set : s.reports)
    for (const auto& r : set.reports)
      if (r.reported_on.value_or(r.window_end) <= cut) design.push_back(r);
  std::size_t done = 0;
  const auto r = run_calibration_sbc(s, design, o, [&](std::size_t i) {
    fmt::print(stderr, "replicate {} done ({}/{})\n", i + 1, ++done, o.replicates);
  });
  fmt::print("scenario {}: {} replicates of {} members, budget {}; {} figures rendered per replicate (of {} published by {}); "
             "{} calibrations reached the posterior; {} simulations; {:.0f} s; {} people per agent\n",
             s.name, o.replicates, o.members, o.budget ? o.budget : exodus::kDefaultSimulationsPerMember * o.members, r.figures, design.size(), as_of,
             r.reached_posterior, r.simulations, r.sbc.seconds, o.people_per_agent.value_or(s.calibration_people_per_agent));
  exodus::bench::print_sbc_table(r.sbc);
  return 0;
}
