#pragma once
// Use case: calibrate a scenario to published figures as of a date (exodus calibrate), and
// write posterior.csv, forecast.csv, reports_fit.csv, predictions.csv (--predict),
// summary.json and manifest.json into a new output folder.
#include <optional>
#include <string>
#include <vector>

#include "exodus/app/load_scenario.h"
#include "exodus/app/use_case.h"
#include "exodus/core/limits.h"
#include "exodus/ranks/rank_farm.h"
#include "exodus/infer/calibration_result.h"
#include "exodus/world/as_of.h"

namespace exodus {

struct CalibrateRequest {
  std::optional<std::filesystem::path> scenario;      // none: the embedded default
  std::vector<std::filesystem::path> reports_files;   // none: the scenario's own (scenario.yaml reports)
  // Only reports published by then; events after it dropped. A day number counts from the
  // scenario's start date (day 0).
  std::optional<AsOf> as_of;
  bool keep_future_events = false;
  std::optional<std::filesystem::path> predict_file;
  std::size_t members = 64;
  std::size_t budget = 0;  // simulations at most; 0: the default (calibration_options)
  std::uint64_t seed = 1;
  int threads = 0;
  // > 1: agents stand for that many people (run/people_per_agent.h); none: the scenario's
  // calibration_people_per_agent (scenario.yaml, default 1).
  std::optional<double> people_per_agent;
  bool resume = false;  // continue the checkpoint beside the output folder, when there is one
  RankFarm* farm = nullptr;  // under MPI: the job's ranks, which share the members (ranks/rank_farm.h)
  InputLimits limits;
  UseCaseOutput output;
  UseCaseHooks hooks;
  std::function<void(const SmcProgress&)> progress;
};

struct CalibrateOutcome {
  LoadedScenario loaded;  // the scenario as calibrated (events after --as-of dropped)
  ReportSet reports;      // every reports file's figures, as one
  std::optional<ReportSet> predict;
  CalibrationResult result;
  int threads = 1;
  std::filesystem::path out;
  std::filesystem::path checkpoint;  // where the stages were kept (removed once the outputs are written)
};

// Throws InputError(s) for bad inputs, OutputError when the folder may not be written,
// Interrupted when stopped (no output written; the checkpoint of the last completed stage is
// kept, app/calibration_checkpoint.h).
CalibrateOutcome calibrate_case(const CalibrateRequest& request);

}  // namespace exodus
