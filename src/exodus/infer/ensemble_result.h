#pragma once
// What an ensemble of runs found (exodus run --members): its members' seeds and, with --prior,
// their parameter draws; the bands of every daily series, the key totals and how the
// scenario's reports fit the ensemble. The outputs (output/ensemble_outputs.h) write it.
#include <cstdint>
#include <string>
#include <vector>

#include "exodus/core/interval.h"
#include "exodus/infer/key_totals.h"
#include "exodus/infer/posterior_runs.h"
#include "exodus/infer/report_fit.h"
#include "exodus/recorder/series_table.h"
#include "exodus/world/parameter_prior.h"
#include "exodus/world/reports.h"

namespace exodus {

struct EnsembleResult {
  std::string scenario;
  std::uint64_t seed = 1;  // member m runs with seed + m
  bool prior = false;      // parameters drawn from the priors (else the scenario's values)
  std::vector<ParameterPrior> priors;       // the drawn parameters (empty without prior)
  std::vector<std::vector<double>> values;  // [member][prior], value scale
  std::vector<Interval> drawn;              // [prior]: the members' draws, summarised
  std::vector<std::uint64_t> run_seed;      // [member]
  std::vector<bool> ran;                    // [member]: false when over --max-agents
  std::size_t refused_by_limit = 0;
  SeriesTable layout;  // a member's record: the series the bands are of
  ForecastBands bands;
  std::vector<ForecastTotal> totals;
  ReportSet reports;  // the scenario's own (scenario.yaml reports), as one set
  std::vector<ReportFit> fits;
  double seconds = 0;
};

}  // namespace exodus
