#pragma once
// reports_fit.csv: how what made a folder (a run, an estimate, a calibration, an ensemble) fits
// each published figure it was held against, in one layout for every verb (docs/outputs.md), so
// that one reader reads them all (page/reports_fit_reader.h). A run's fit (score/run_report_fit.h)
// and a posterior's (infer/report_fit.h) each become rows of it.
#include <string>
#include <vector>

#include "exodus/core/interval.h"
#include "exodus/infer/report_fit.h"
#include "exodus/score/run_report_fit.h"
#include "exodus/world/reports.h"

namespace exodus {

struct FigureFitRow {
  const Report* report = nullptr;
  std::string file;  // the reports file it comes from
  bool compared = false;
  std::string why_not_compared;
  // The truth the figure speaks of: a run's own value (one draw: every quantile the same), or a
  // posterior's interval of it.
  Interval expected;
  Interval predictive;  // what a source of the figure's kind would publish of that truth
  double tail = 0.5;    // the chance of a figure at or below the published one (bounds: it holds)
  std::string verdict;  // fits, MISS, input, input MISS (figures before the shock), n/c
};

std::vector<FigureFitRow> figure_fit_rows(const std::vector<RunReportFit>& fits);
std::vector<FigureFitRow> figure_fit_rows(const ReportSet& reports, const std::vector<ReportFit>& fits);

// The header, then a row each.
std::string reports_fit_csv(const std::vector<FigureFitRow>& rows);

}  // namespace exodus
