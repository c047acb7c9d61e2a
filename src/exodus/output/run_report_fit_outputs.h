#pragma once
// How a scenario run fits the published figures it is held against (score/run_report_fit.h):
// reports_fit.csv, its part of summary.json, and its part of the table printed at the end.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "exodus/score/run_report_fit.h"
#include "exodus/world/scenario.h"

namespace exodus {

std::string run_reports_fit_csv(const std::vector<RunReportFit>& fits);
nlohmann::json run_reports_fit_json(const std::vector<RunReportFit>& fits);
std::string run_reports_fit_table(const Scenario& s, const std::vector<RunReportFit>& fits);

// "fits", "MISS", "input" (a figure before the shock that fits: it checks the scenario's own
// ordinary traffic), "input MISS", or "n/c" (not compared).
const char* verdict_of(const RunReportFit& f);

}  // namespace exodus
