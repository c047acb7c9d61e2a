#pragma once
// Outputs of an exodus scenario run: the daily series (long format, one row per day, place
// and metric: pandas-ready), summary.json, manifest.json, and the table printed at the end.
// The figures come from the run's record and its summary, computed once (score/exodus_summary.h).
#include <string>
#include <vector>

#include "exodus/output/run_identity.h"
#include "exodus/recorder/exodus_run_result.h"
#include "exodus/score/exodus_summary.h"
#include "exodus/score/run_report_fit.h"
#include "exodus/score/targets.h"
#include "exodus/world/scenario.h"

namespace exodus {

std::string exodus_daily_csv(const SeriesTable& record);
// Where the scenario's places lie, for maps: kind, place, latitude, longitude (empty for a
// destination the scenario gives no position) and leads_to (a checkpoint's destination).
std::string exodus_places_csv(const Scenario& s);
std::string exodus_summary_json(const Scenario& s, const ExodusRunResult& run, const ExodusRunSummary& summary,
                                const std::vector<TargetResult>& targets, const std::vector<RunReportFit>& reports);
std::string exodus_manifest_json(const Scenario& s, const RunIdentity& id);
std::string exodus_table(const Scenario& s, const ExodusRunSummary& summary, const std::vector<TargetResult>& targets);

}  // namespace exodus
