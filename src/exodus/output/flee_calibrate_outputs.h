#pragma once
// Outputs of exodus calibrate --flee: posterior.csv (the population, each setting as its runs
// used it), forecast.csv (each camp's median and bands a day, its data beside them),
// summary.json, manifest.json and the terminal table. out.csv is Flee's layout
// (output/flee_out_csv.h) of the forecast's median.
#include <string>

#include "exodus/infer/flee_calibration_result.h"
#include "exodus/output/run_identity.h"
#include "exodus/world/flee_world.h"

namespace exodus {

std::string flee_calibrate_posterior_csv(const FleeCalibrationResult& c);
std::string flee_forecast_csv(const FleeCalibrationResult& c, const FleeWorld& world);
std::string flee_calibrate_summary_json(const FleeCalibrationResult& c);
std::string flee_calibrate_manifest_json(const FleeCalibrationResult& c, const FleeWorld& world, const RunIdentity& id);
std::string flee_calibrate_table(const FleeCalibrationResult& c);

}  // namespace exodus
