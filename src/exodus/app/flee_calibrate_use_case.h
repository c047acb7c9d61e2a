#pragma once
// Use case: calibrate a Flee case's move rules to its camp data up to a day, and forecast the
// camps over the rest of the case (exodus calibrate --flee). Writes posterior.csv,
// forecast.csv (each camp's median, 50% and 90% bands a day, its data beside them), out.csv
// (the median in Flee's layout), summary.json and manifest.json into a new output folder.
#include <filesystem>
#include <functional>
#include <vector>

#include "exodus/app/flee_case.h"
#include "exodus/app/use_case.h"
#include "exodus/infer/flee_calibration_result.h"

namespace exodus {

struct FleeCalibrateRequest {
  FleeCaseSpec spec;              // the case, its validation data (needed) and settings; max_days unused
  std::int32_t as_of_day = -1;    // camp data on days 0..as_of_day inform the fit (required)
  std::size_t members = 64;
  std::size_t budget = 0;         // simulations at most; 0: 200 x members
  std::uint64_t seed = 1;
  int threads = 0;
  std::size_t case_runs = 8;      // runs of the case's own settings, for the comparison after the as-of day
  bool resume = false;
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
