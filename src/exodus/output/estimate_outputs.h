#pragma once
// Outputs of exodus estimate: daily posterior (long format), summary.json,
// and the terminal table.
#include <string>

#include "exodus/infer/estimate.h"
#include "exodus/output/report_fit_outputs.h"
#include "exodus/output/run_identity.h"

namespace exodus {

std::string estimate_daily_csv(const EstimateResult& r);
std::string estimate_summary_json(const ReportSet& reports, const EstimateResult& r);
std::string estimate_manifest_json(const EstimateOptions& o, const RunIdentity& id);
std::string estimate_table(const ReportSet& reports, const EstimateResult& r);

}  // namespace exodus
