#pragma once
// Reads a scenario's priors.csv (docs/scenario-format.md): one prior per uncertain value, by
// its registry address, with its shape, bounds and reasoning. Needs the scenario's tables read
// (addresses name their rows); every problem goes to `errors` with its file, line and field.
#include <vector>

#include "exodus/core/error.h"
#include "exodus/core/text_source.h"
#include "exodus/world/scenario.h"

namespace exodus {

std::vector<ParameterPrior> read_priors(const TextFile& file, const Scenario& s, ErrorList& errors);

}  // namespace exodus
