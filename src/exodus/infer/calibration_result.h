#pragma once
// What a calibration found: the sampler's population, each parameter's prior against its
// posterior, the forecast bands, how the fitted reports fit, the held-back figures'
// predictions and the key totals. The outputs (output/calibrate_outputs.h) write it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "exodus/core/date.h"
#include "exodus/infer/key_totals.h"
#include "exodus/infer/parameter_summary.h"
#include "exodus/infer/posterior_runs.h"
#include "exodus/infer/report_fit.h"
#include "exodus/infer/smc_sampler.h"
#include "exodus/recorder/series_table.h"
#include "exodus/world/parameter_prior.h"
#include "exodus/world/reports.h"

namespace exodus {

struct CalibrationResult {
  std::string scenario;
  std::optional<Date> as_of;
  bool keep_future_events = false;
  std::size_t budget = 0;
  std::uint64_t seed = 1;
  double people_per_agent = 1;  // agents stood for this many people in every run
  std::vector<ParameterPrior> priors;  // the scenario's, then the discrepancies
  std::size_t simulated_coordinates = 0;
  SmcResult smc;
  std::int32_t horizon_days = 0;  // days each sampling run simulated (to the last fitted report)
  std::size_t forecast_runs = 0;  // the members run again over the whole scenario
  std::size_t refused_by_limit = 0;
  std::vector<ParameterSummary> parameters;  // [prior]
  SeriesTable layout;  // a member's record: the series the bands are of
  ForecastBands bands;
  ReportSet fitted;    // the reports fitted (published by as_of)
  std::vector<ReportFit> fits;
  std::size_t after_as_of = 0;       // figures left out as published later
  std::vector<std::string> dropped;  // events and priors dropped by as_of
  std::vector<ReportPrediction> predictions;
  std::vector<ForecastTotal> totals;
};

}  // namespace exodus
