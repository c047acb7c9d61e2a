#include "exodus/observe/run_discrepancy.h"

namespace exodus {

ParameterPrior discrepancy_prior(const std::string& metric) {
  ParameterPrior p;
  p.address = discrepancy_address(metric);
  p.shape = PriorShape::kLogNormal;
  p.center = 0.15;
  p.spread = 0.7;
  p.lower = 0.01;
  p.upper = 3;
  p.reasoning = "the model's own error for " + metric +
                " on the log scale: a median of 15%, from 5% to 47% within 90% of the prior (an assumption)";
  return p;
}

}  // namespace exodus
