#pragma once
// How a scenario run fits the published figures it is held against (score/run_report_fit.h):
// its part of summary.json and of the table printed at the end (reports_fit.csv is every
// verb's: output/reports_fit_csv.h).
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "exodus/score/run_report_fit.h"
#include "exodus/world/scenario.h"

namespace exodus {

nlohmann::json run_reports_fit_json(const std::vector<RunReportFit>& fits);
std::string run_reports_fit_table(const Scenario& s, const std::vector<RunReportFit>& fits);

// "fits", "MISS", "input" (a figure before the shock that fits: it checks the scenario's own
// ordinary traffic), "input MISS", or "n/c" (not compared).
const char* verdict_of(const RunReportFit& f);

}  // namespace exodus
