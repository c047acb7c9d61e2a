// Runs the embedded 2022 mobilisation scenario through the exodus library and prints the
// leavers' departures: all of them, and in the first week from the shock.
#include <cstdio>

#include <exodus/app/load_scenario.h>
#include <exodus/run/exodus_run.h>
#include <exodus/score/exodus_summary.h>

int main() {
  try {
    const exodus::LoadedScenario loaded = exodus::load_scenario(std::nullopt);
    exodus::RunOptions options;
    options.seed = loaded.scenario.seed;
    options.threads = 2;
    const exodus::ExodusRunResult run = exodus::run_exodus(loaded.scenario, options);
    const exodus::ExodusRunSummary summary = exodus::summarize_exodus_run(loaded.scenario, run.series);
    std::printf("scenario %s, %d days, seed %llu\n", loaded.scenario.name.c_str(), run.days_run,
                static_cast<unsigned long long>(options.seed));
    std::printf("departures %.0f (first week from the shock %.0f)\n", summary.departures,
                summary.departures_after_shock[0]);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "embed: %s\n", e.what());
    return 1;
  }
}
