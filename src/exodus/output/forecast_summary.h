#pragma once
// What the calibration and the ensemble both say of their runs, in summary.json and on the
// terminal: the key totals with intervals, and the reports that do not fit.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "exodus/infer/key_totals.h"
#include "exodus/infer/report_fit.h"
#include "exodus/world/reports.h"

namespace exodus {

nlohmann::json totals_json(const std::vector<ForecastTotal>& totals);
// A number as the tables print it: grouped from 1,000, else 3 significant digits.
std::string table_number(double v);
// The totals of one metric (e.g. departures), one line each with median, 50% and 90% intervals.
std::string totals_table(const std::vector<ForecastTotal>& totals, const std::string& metric);
// The flagged reports, one line each with their predictive 90% and tail probability; or a line
// saying every compared report fits. `what`: "fitted report" or "report".
std::string misfits_table(const ReportSet& reports, const std::vector<ReportFit>& fits, const std::string& what);

}  // namespace exodus
