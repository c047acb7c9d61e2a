#pragma once
// The priors `exodus calibrate --flee` puts on a Flee case's settings when none are given: the
// move rules that decide where and how fast people go, each centred on the case's own value
// (its simsetting.yml, else Flee's code defaults), wide enough that the camp data, not the
// prior, decides. docs/calibrate-flee.md lists them with their reasons.
#include <vector>

#include "exodus/world/flee_settings.h"
#include "exodus/world/parameter_prior.h"

namespace exodus {

std::vector<ParameterPrior> default_flee_priors(const FleeSettings& case_settings);

}  // namespace exodus
