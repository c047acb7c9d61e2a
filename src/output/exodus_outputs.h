#pragma once
// Outputs of an exodus scenario run: the daily series (long format, one row per day, place
// and metric: pandas-ready), summary.json, manifest.json, and the table printed at the end.
#include <string>
#include <vector>

#include "app/exodus_run.h"
#include "output/run_identity.h"
#include "score/targets.h"
#include "world/scenario.h"

namespace exodus {

std::string exodus_daily_csv(const Scenario& s, const std::vector<ExodusDay>& days);
std::string exodus_summary_json(const Scenario& s, const ExodusRunResult& run,
                                const std::vector<TargetResult>& targets);
std::string exodus_manifest_json(const Scenario& s, const RunIdentity& id);
std::string exodus_table(const Scenario& s, const ExodusRunResult& run,
                         const std::vector<TargetResult>& targets);

}  // namespace exodus
