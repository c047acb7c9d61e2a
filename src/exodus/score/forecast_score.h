#pragma once
// How forecasts of figures fared against the figures published later, as forecast hubs score
// them: coverage of the 50% and 90% intervals, the weighted interval score (Bracher, Ray,
// Gneiting & Reich 2021, "Evaluating epidemic forecasts in an interval format", PLoS Comput Biol
// 17:e1008618; two intervals and the median), and the median |log(predicted / published)|;
// against naive persistence: each place's last reported daily rate, as of the forecast's date,
// held constant over the figure's window (queues and waits: the last reported value).
#include <optional>
#include <string>
#include <vector>

#include "exodus/core/date.h"
#include "exodus/io/reports/predictions_reader.h"
#include "exodus/world/reports.h"

namespace exodus {

struct FigureScore {
  const Report* report = nullptr;
  const FigurePrediction* prediction = nullptr;
  bool scored = false;
  std::string why_not;
  bool in50 = false, in90 = false;
  double wis = 0, abs_log_error = 0;
  std::optional<double> persistence;  // the baseline's point forecast, when a rate was reported before
  double persistence_abs_log_error = 0;
};

struct ForecastScore {
  std::vector<FigureScore> figures;  // one per published figure with a prediction
  std::size_t scored = 0, unmatched_predictions = 0;
  double coverage50 = 0, coverage90 = 0, mean_wis = 0, median_abs_log_error = 0;
  // On the figures the baseline can forecast too.
  std::size_t with_persistence = 0;
  double median_abs_log_error_there = 0, persistence_median_abs_log_error = 0;
};

double weighted_interval_score(const FigurePrediction& p, double y);

// `published`: the later figures; `earlier`: figures published by `as_of`, whose rates the
// persistence baseline holds (none: no baseline). Windows without a start run from `shock`.
ForecastScore score_forecasts(const std::vector<FigurePrediction>& predictions, const std::vector<const Report*>& published,
                              const std::vector<const Report*>& earlier, Date shock);

}  // namespace exodus
