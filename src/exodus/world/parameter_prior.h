#pragma once
// What a scenario says it does not know: a prior for each uncertain value, named by its address
// in the parameter registry (world/scenario_registry.h), read from priors.csv
// (docs/scenario-format.md). A calibration varies these values and nothing else.
//   lognormal  center = median, spread = sd of the log
//   normal     center = mean,   spread = sd
//   uniform    over [lower, upper]; center and spread unused
//   beta       center = mean,   spread = sd (on [0, 1]; a share)
// Every prior is truncated to [lower, upper], which lie within the registry's range.
//
// A sampler moves each value on its working scale, where the prior is smooth and unbounded
// but for the truncation: the log of a log-normal value, the logit of a beta one, the value
// itself otherwise.
#include <cstddef>
#include <string>

#include "exodus/core/random.h"

namespace exodus {

enum class PriorShape { kLogNormal, kNormal, kUniform, kBeta };
const char* to_string(PriorShape shape);

struct ParameterPrior {
  std::size_t line = 0;  // in priors.csv
  std::string address;   // e.g. checkpoints.vehicles_per_day[Verkhny Lars], flights.seats_per_day[*]
  PriorShape shape = PriorShape::kLogNormal;
  double center = 0, spread = 0;
  double lower = 0, upper = 0;
  std::string reasoning;  // why this prior: its source, or the assumption it encodes
};

// The beta's shape parameters from its mean and sd (sd² < mean (1 - mean)).
struct BetaShape {
  double alpha = 1, beta = 1;
};
BetaShape beta_shape(double mean, double sd);

double working_of(const ParameterPrior& p, double value);
double value_of(const ParameterPrior& p, double working);
// Whether a working-scale point lies within the truncation.
bool within(const ParameterPrior& p, double working);
// The prior's log density on the working scale (with the change of scale's Jacobian), up to a
// constant; only meaningful within the truncation.
double log_density_working(const ParameterPrior& p, double working);
// The share of the untruncated prior inside [lower, upper]: a prior that keeps almost nothing
// of its mass is a mistake, and draws from it would take forever.
double truncated_mass(const ParameterPrior& p);
// A draw on the working scale, within the truncation (by rejection: the reader refuses priors
// that keep under 1% of their mass, so this takes about 100 tries at worst).
double draw_working(const ParameterPrior& p, CounterRng& rng);

}  // namespace exodus
