#pragma once
// Outputs of exodus run --members: members.csv (each member's seed and, with --prior, its
// draws), summary.json, manifest.json and the terminal table. forecast.csv is the
// calibration's layout (output/forecast_csv.h); reports_fit.csv the estimate's
// (output/report_fit_outputs.h).
#include <string>

#include "exodus/infer/ensemble_result.h"
#include "exodus/output/run_identity.h"

namespace exodus {

std::string ensemble_members_csv(const EnsembleResult& e);
std::string ensemble_summary_json(const EnsembleResult& e);
std::string ensemble_manifest_json(const EnsembleResult& e, const RunIdentity& id);
// The key totals, the scenario's reports that do not fit, and what the intervals include.
std::string ensemble_table(const EnsembleResult& e);

}  // namespace exodus
