#pragma once
// How far a scenario run may be from the world for a metric, whatever the figure's own error
// (report_error.h): the model's discrepancy, one sd on the log scale per metric of the fitted
// figures, which a calibration fits and an ensemble with --prior draws. Its prior lives here,
// beside the figures' error it adds to.
#include <string>

#include "exodus/world/parameter_prior.h"

namespace exodus {

// The parameter address of a metric's discrepancy ("discrepancy[departures]").
inline std::string discrepancy_address(const std::string& metric) { return "discrepancy[" + metric + "]"; }

// The discrepancy's prior: a median of 15% on the log scale, from 5% to 47% within 90%.
ParameterPrior discrepancy_prior(const std::string& metric);

}  // namespace exodus
