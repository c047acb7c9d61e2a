#pragma once
// predictions.csv: what a posterior (an estimate's or a calibration's) says of each figure held
// back from it (reports_fit.csv, each figure it was given, is every verb's:
// output/reports_fit_csv.h).
#include <string>
#include <vector>

#include "exodus/infer/report_fit.h"
#include "exodus/world/reports.h"

namespace exodus {

// predictions.csv (--predict): for each held-back figure, what a report of its kind would say.
std::string predictions_csv(const ReportSet& predicted, const std::vector<ReportPrediction>& predictions);

}  // namespace exodus
