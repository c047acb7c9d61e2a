#pragma once
// How one run of a scenario fits the published figures it is held against (scenario.yaml
// `reports`): each figure's simulated counterpart (observe/run_expectation.h), what a report of
// its kind would say of that truth under the one error model that the estimate uses too
// (observe/report_error.h), and whether the published figure lies inside it. A count must
// come within about ±30% (its ±10% with a Student-t tail), an estimate or a claim much less
// close (their looseness and their source's bias); a lower bound only needs the run above it,
// a denial the run below it.
#include <string>
#include <vector>

#include "exodus/core/interval.h"
#include "exodus/observe/report_error.h"
#include "exodus/recorder/series_table.h"
#include "exodus/world/scenario.h"

namespace exodus {

struct RunReportFit {
  const Report* report = nullptr;
  std::string file;        // the reports file it came from
  bool compared = false;   // false: why_not says why the run has no counterpart
  std::string why_not;
  double simulated = 0;    // the run's counterpart (what the figure speaks of, in the run)
  // What a report of this kind would say if the run were the truth, as every verb's intervals
  // are read (core/interval.h); bounds and denials: the simulated value itself.
  Interval predictive;
  // As in the estimate's reports_fit.csv: the chance of a figure at or below the one
  // published; for a lower bound, the chance it holds; for a denial, that the truth is below it.
  double tail_probability = 0;
  bool fits = false;       // tail in [2.5%, 97.5%]; bounds and denials: tail at least 5%
  // The window ends before the shock: the run's figure there is the scenario's ordinary
  // traffic, an input, so the figure checks the inputs, not the model.
  bool checks_inputs = false;
};

std::vector<RunReportFit> fit_run_to_reports(const Scenario& s, const SeriesTable& record,
                                             const ReportErrors& errors = {});

}  // namespace exodus
