#pragma once
// Use case: calibrate a Flee case's move rules to its camp data up to a day, and forecast the
// camps over the rest of the case (exodus calibrate --flee). Writes posterior.csv,
// forecast.csv (each camp's median, 50% and 90% bands a day, its data beside them), out.csv
// (the median in Flee's layout), summary.json and manifest.json into a new output folder.
#include <filesystem>
#include <functional>
#include <optional>
#include <vector>

#include "exodus/app/flee_case.h"
#include "exodus/app/use_case.h"
#include "exodus/ranks/rank_farm.h"
#include "exodus/infer/flee_calibration_result.h"
#include "exodus/world/as_of.h"

namespace exodus {

struct FleeCalibrateRequest {
  FleeCaseSpec spec;              // the case, its validation data (needed) and settings; max_days unused
  // The last day whose camp data informs the fit (required): a day number, or the date of that
  // day's counts (FleeWorld::date_of_day).
  std::optional<AsOf> as_of;
  std::size_t members = 64;
  std::size_t budget = 0;         // simulations at most; 0: the default (calibration_options)
  std::uint64_t seed = 1;
  int threads = 0;
  std::size_t case_runs = 8;      // runs of the case's own settings, for the comparison after the as-of day
  bool resume = false;
  RankFarm* farm = nullptr;  // under MPI: the job's ranks, which share the members (ranks/rank_farm.h)
  UseCaseOutput output;
  UseCaseHooks hooks;
  std::function<void(const SmcProgress&)> progress;
};

struct FleeCalibrateOutcome {
  LoadedFleeCase loaded;
  FleeCalibrationResult result;
  int threads = 1;
  std::filesystem::path out;
  std::filesystem::path checkpoint;
};

// Throws InputError(s) for bad inputs, OutputError when the folder may not be written,
// Interrupted when stopped (no output; the checkpoint of the last completed stage is kept).
FleeCalibrateOutcome calibrate_flee_case(const FleeCalibrateRequest& request);

}  // namespace exodus
