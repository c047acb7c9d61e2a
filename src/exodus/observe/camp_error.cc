#include "exodus/observe/camp_error.h"

namespace exodus {

ParameterPrior camp_discrepancy_prior() {
  ParameterPrior p;
  p.address = "discrepancy[camp population]";
  p.shape = PriorShape::kLogNormal;
  p.center = 0.3;
  p.spread = 0.7;
  p.lower = 0.01;
  p.upper = 5;
  p.reasoning = "the model's own error for a camp's population on the likelihood's log(x + f) scale (f: the mean "
                "observed camp on the as-of day): a median of 0.3, from 0.09 to 0.95 within 90% of the prior (an "
                "assumption)";
  return p;
}

}  // namespace exodus
