#pragma once
// Each calibrated parameter's prior against its posterior, as every calibration reports it
// (posterior.csv's neighbours in summary.json, and the terminal table): the prior's interval
// from draws of it, the posterior's from the sampler's weighted population, and how far the
// data moved it.
#include <cstddef>
#include <cstdint>

#include "exodus/core/interval.h"
#include "exodus/infer/smc_sampler.h"
#include "exodus/world/parameter_prior.h"

namespace exodus {

struct ParameterSummary {
  std::size_t prior = 0;  // the coordinate, into the calibration's priors
  Interval prior_interval, posterior_interval;  // value scale
  // How far the posterior moved, on the working scale: its median's shift and its 90% width,
  // each against the prior's 90% width.
  double shift = 0, width_ratio = 1;
};

// Coordinate d's summary; the prior's draws are keyed by (seed, d).
ParameterSummary summarize_parameter(const ParameterPrior& p, std::size_t d, const SmcResult& smc, std::uint64_t seed);

}  // namespace exodus
