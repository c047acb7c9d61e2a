#pragma once
// Use case: run a scenario (a folder, or the embedded 2022 one) and write daily.csv,
// summary.json and manifest.json into a new output folder.
#include <optional>
#include <vector>

#include "exodus/app/load_scenario.h"
#include "exodus/app/use_case.h"
#include "exodus/core/limits.h"
#include "exodus/recorder/exodus_run_result.h"
#include "exodus/score/exodus_summary.h"
#include "exodus/score/run_report_fit.h"
#include "exodus/score/targets.h"

namespace exodus {

struct ScenarioRunRequest {
  std::optional<std::filesystem::path> folder;  // none: the embedded default
  std::int32_t days = 0;                        // > 0: only the first days
  std::optional<std::uint64_t> seed;            // none: the scenario's own
  int threads = 0;                              // 0: every core
  InputLimits limits;
  UseCaseOutput output;
  UseCaseHooks hooks;
};

struct ScenarioRunOutcome {
  LoadedScenario loaded;
  ExodusRunResult run;  // interrupted: nothing was written
  ExodusRunSummary summary;
  std::vector<TargetResult> targets;  // point into loaded.scenario
  std::vector<RunReportFit> report_fits;  // the scenario's reports; point into loaded.scenario
  std::uint64_t seed = 1;
  int threads = 1;
  std::filesystem::path out;
};

// --days: keeps only the scenario's first `days` (> 0); more than it has runs them all, with a
// warning through `warn`.
void keep_first_days(Scenario& scenario, std::int32_t days, const std::function<void(const std::string&)>& warn);

// Throws InputError(s) for bad inputs and OutputError when the folder may not be written.
ScenarioRunOutcome run_scenario_case(const ScenarioRunRequest& request);

}  // namespace exodus
