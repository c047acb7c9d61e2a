#pragma once
// Outputs of exodus calibrate: posterior.csv (the population), summary.json, manifest.json and
// the terminal table. forecast.csv is shared with the ensemble (output/forecast_csv.h);
// reports_fit.csv and predictions.csv are the estimate's files (output/report_fit_outputs.h).
#include <string>

#include "exodus/infer/calibration_result.h"
#include "exodus/output/run_identity.h"

namespace exodus {

std::string calibrate_posterior_csv(const CalibrationResult& c);
std::string calibrate_summary_json(const CalibrationResult& c);
std::string calibrate_manifest_json(const CalibrationResult& c, const RunIdentity& id);
// The parameters that moved most, the key totals, and the reports that do not fit.
std::string calibrate_table(const CalibrationResult& c);

}  // namespace exodus
