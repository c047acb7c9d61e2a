#pragma once
// Outputs of exodus calibrate: posterior.csv (the population), forecast.csv (bands of every
// daily series), summary.json, manifest.json and the terminal table. reports_fit.csv and
// predictions.csv are the estimate's files (output/report_fit_outputs.h).
#include <string>

#include "exodus/infer/calibration_result.h"
#include "exodus/output/run_identity.h"

namespace exodus {

std::string calibrate_posterior_csv(const CalibrationResult& c);
std::string calibrate_forecast_csv(const CalibrationResult& c);
std::string calibrate_summary_json(const CalibrationResult& c);
std::string calibrate_manifest_json(const CalibrationResult& c, const RunIdentity& id);
// The parameters that moved most, the key totals, and the reports that do not fit.
std::string calibrate_table(const CalibrationResult& c);

}  // namespace exodus
