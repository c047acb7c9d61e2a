#pragma once
// The report page of an estimate (exodus estimate): departures in all corridors and in each,
// stock and entries, each with its posterior's 50% and 90% bands, the days after the last
// report shaded as extrapolation; the totals; every report against its predictive interval.
// Reads daily.csv, summary.json, manifest.json and reports_fit.csv.
#include <filesystem>

#include "exodus/page/output_folder.h"
#include "exodus/page/page_html.h"

namespace exodus {

Page estimate_page(const OutputFolder& folder);

}  // namespace exodus
