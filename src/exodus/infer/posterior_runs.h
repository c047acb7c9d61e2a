#pragma once
// What a population of weighted simulations says: a calibration's posterior, or an ensemble
// drawn from the priors. Each member is one run with its weight and its model-discrepancy sds;
// a band of a daily series, a report's fit and a held-back figure's prediction all mix the
// members' runs with the discrepancy (the model is not the world), and the figures with the
// reports' own errors (observe/run_likelihood.h).
#include <cstdint>
#include <string>
#include <vector>

#include "exodus/core/date.h"
#include "exodus/core/interval.h"
#include "exodus/infer/report_fit.h"
#include "exodus/observe/report_error.h"
#include "exodus/recorder/series_table.h"
#include "exodus/world/parameter_prior.h"
#include "exodus/world/places.h"
#include "exodus/world/reports.h"

namespace exodus {

struct PosteriorMember {
  const SeriesTable* series = nullptr;  // none: the member did not run (its weight is 0)
  double weight = 0;
  std::vector<double> discrepancy;      // [metric of PosteriorRuns::metrics]
};

struct PosteriorRuns {
  std::vector<PosteriorMember> members;
  std::vector<std::string> metrics;  // metrics with a fitted discrepancy
  PlaceCatalog places;
  Date shock;
  ReportErrors errors;
  std::uint64_t seed = 1;
  // The discrepancy of a metric the reports did not fit: drawn from this prior.
  ParameterPrior unfitted_discrepancy;
  // false: the members' spread alone (an ensemble of seeds: what the model gives, not how far
  // the world may be from it).
  bool with_discrepancy = true;
};

// Where a band's model discrepancy came from.
enum class BandDiscrepancy : std::uint8_t { kFitted, kPrior, kNone };
// "fitted", "prior", "none"
const char* to_string(BandDiscrepancy d);

// One band per series of the members' SeriesTable (all alike), [series][day]; `discrepancy[s]`
// says whether the series' metric had its discrepancy fitted, drawn from the prior, or none.
struct ForecastBands {
  std::vector<std::vector<Interval>> bands;
  std::vector<BandDiscrepancy> discrepancy;
};
ForecastBands forecast_bands(const PosteriorRuns& runs);

// Each report's fit: the run's counterpart with the discrepancy (expected), what a report of
// its kind would say (predictive), its tail probability and whether it does not fit.
std::vector<ReportFit> fit_reports(const PosteriorRuns& runs, const std::vector<const Report*>& reports);
// Each held-back figure's prediction, or why the runs cannot say.
std::vector<ReportPrediction> predict_reports(const PosteriorRuns& runs, const std::vector<const Report*>& reports);

// A sum over days [first, last] of one series (by place and metric), across the members with
// their discrepancy: e.g. departures to 31 October.
Interval total_interval(const PosteriorRuns& runs, PlaceKind kind, std::size_t index, const std::string& metric,
                        std::size_t first, std::size_t last);
// The weighted draws that interval is of (value, weight; the weights sum to one): what a rank
// of a known truth among them is measured on (app/calibration_sbc.h).
std::vector<std::pair<double, double>> total_draws(const PosteriorRuns& runs, PlaceKind kind, std::size_t index,
                                                   const std::string& metric, std::size_t first, std::size_t last);
// The members that ran with a weight: what the draws above are a mixture of (core/interval.h).
std::size_t members_ran(const PosteriorRuns& runs);
// The discrepancy sd of a member for a metric: fitted, drawn from the prior, or 0 (none).
double member_discrepancy(const PosteriorRuns& runs, std::size_t member, const std::string& metric);

// A parameter's interval on the value scale from weighted working-scale draws.
Interval value_interval(const ParameterPrior& p, const std::vector<double>& working, const std::vector<double>& weights);

}  // namespace exodus
