#pragma once
// How a posterior (an estimate's or a calibration's) fits each report it was given, and what
// it predicts of figures it was not: the rows of reports_fit.csv and predictions.csv.
#include <cstddef>
#include <string>

#include "exodus/core/interval.h"

namespace exodus {

struct ReportFit {
  std::size_t report = 0;
  bool used = false;
  std::string why_unused;
  Interval expected;    // the modelled quantity the report speaks of
  Interval predictive;  // what a report of this kind would say (with its error)
  double tail = 0.5;    // P(predicted <= reported); for bounds, P(the bound holds)
  bool flagged = false;
};

// A figure a posterior did not see: what a report of its kind would say, from the posterior.
struct ReportPrediction {
  std::size_t report = 0;  // index into the predicted reports
  bool predicted = false;
  std::string why_not;     // when not predicted
  Interval predictive;     // its error, and for estimates and claims its source's bias (bounds: the quantity)
};

}  // namespace exodus
