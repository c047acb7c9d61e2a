#pragma once
// The files by which a posterior (an estimate's or a calibration's) answers for the reports:
// reports_fit.csv (each report it was given) and predictions.csv (each figure held back).
#include <string>
#include <vector>

#include "exodus/infer/report_fit.h"
#include "exodus/world/reports.h"

namespace exodus {

std::string reports_fit_csv(const ReportSet& reports, const std::vector<ReportFit>& fits);
// predictions.csv (--predict): for each held-back figure, what a report of its kind would say.
std::string predictions_csv(const ReportSet& predicted, const std::vector<ReportPrediction>& predictions);

}  // namespace exodus
