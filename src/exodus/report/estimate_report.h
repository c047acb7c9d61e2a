#pragma once
// The report page of an estimate (exodus estimate): departures in all corridors and in each,
// stock and entries, each with its posterior's 50% and 90% bands, the days after the last
// report shaded as extrapolation; the totals; every report against its predictive interval.
// Reads daily.csv, summary.json, manifest.json and reports_fit.csv.
#include <filesystem>

#include "exodus/report/output_folder.h"
#include "exodus/report/report_page.h"

namespace exodus {

ReportPage estimate_report(const OutputFolder& folder);

}  // namespace exodus
