#pragma once
// The report page of a scenario run's output folder (exodus run): a map of the flows on a day
// the reader picks; flows into each destination with the published figures over their windows,
// departures, stock and exits; queues, waits and capacity at each checkpoint; and every report
// against the run's predictive interval.
// Reads only the folder's files (daily.csv, places.csv, reports_fit.csv, manifest.json,
// summary.json).
#include <filesystem>

#include "exodus/page/output_folder.h"
#include "exodus/page/page_html.h"

namespace exodus {

// Throws InputError naming the file, line and field of anything it cannot read.
Page run_page(const OutputFolder& folder);

}  // namespace exodus
