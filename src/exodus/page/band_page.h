#pragma once
// The report page of a folder of bands: a calibration (exodus calibrate) or an ensemble (exodus
// run --members N). Departures and entries per destination with their 50% and 90% bands, the
// as-of date marked and the days after it shaded as forecast; key totals; queues; for a
// calibration, each parameter's prior against its posterior; every figure against its
// predictive interval. Reads forecast.csv, summary.json, manifest.json and reports_fit.csv.
#include <filesystem>

#include "exodus/page/output_folder.h"
#include "exodus/page/page_html.h"

namespace exodus {

Page band_page(const OutputFolder& folder);

}  // namespace exodus
