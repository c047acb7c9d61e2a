#pragma once
// Use case: estimate true flows from a reports file and write daily.csv, reports_fit.csv,
// summary.json and manifest.json. The window's checks live here, so a library caller gets
// them too.
#include <optional>

#include "exodus/app/load_scenario.h"
#include "exodus/app/use_case.h"
#include "exodus/core/limits.h"
#include "exodus/infer/estimate.h"

namespace exodus {

struct EstimateRequest {
  std::filesystem::path reports_file;
  // Held-back figures to predict, not fit (--predict): predictions.csv.
  std::optional<std::filesystem::path> predict_file;
  EstimateOptions options;  // options.scenario is set from `scenario` below
  // A scenario whose onward and return shares and baselines inform the corridors: a folder,
  // or the embedded default (an empty path).
  std::optional<std::filesystem::path> scenario;
  int threads = 0;  // chains at once; 0: every core
  InputLimits limits;
  UseCaseOutput output;
  UseCaseHooks hooks;  // stage hears of the fit's progress (not progress: no days); warn of near-duplicate names
};

struct EstimateOutcome {
  ReportSet reports;
  std::optional<ReportSet> predict;
  std::optional<LoadedScenario> scenario;
  EstimateResult result;
  bool written = false;  // false when the fit failed its checks: nothing was written
  std::filesystem::path out;
};

// Throws InputError(s) for bad reports or a bad window, Interrupted when stopped.
EstimateOutcome estimate_case(const EstimateRequest& request);

}  // namespace exodus
