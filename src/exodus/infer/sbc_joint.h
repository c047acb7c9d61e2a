#pragma once
// An SBC's quantities taken together. Each quantity's 90% coverage is checked against the range
// an exact sampler gives (infer/sbc.h: exact_coverage_range), but over 60 quantities about 3 fall
// outside it by chance alone, and more when the quantities move together (destination totals
// that all follow departures): "7 of 62 outside" says nothing until one knows how often an exact
// sampler would do as badly with quantities as dependent as these.
//
// The null is the replicates' own dependence with every margin made exact: each quantity's
// ranks are replaced by their order among its replicates (the k-th of n stands for a rank drawn
// uniformly from [k/n, (k+1)/n)), which is uniform and
// keeps which replicates rank high together (the empirical copula; Rüschendorf 1976, "Asymptotic
// distributions of multivariate rank order statistics", Ann. Statist. 4:912-923). Replicates
// drawn from it with replacement (Efron 1979's bootstrap, Ann. Statist. 7:1-26) are SBCs of an
// exact sampler with this dependence: how many of their quantities fall outside the exact range,
// and where their pooled coverage falls, is what chance gives.
#include <cstdint>
#include <vector>

#include "exodus/infer/sbc.h"

namespace exodus {

struct JointCoverageCheck {
  int quantities = 0;    // quantities scored in every replicate: the check is over these
  int replicates = 0;
  int outside = 0;       // of them, those whose 90% coverage is outside the exact range
  double pooled = 0;     // their pooled 90% coverage
  // An exact sampler with this dependence: its chance of `outside` or more quantities outside,
  // and the central 95% of its pooled coverage.
  double chance_at_least = 1;
  double pooled_low = 0, pooled_high = 0;
};

// `checks` bootstrap SBCs, drawn with `seed`. Quantities with fewer trials than the most (a
// replicate without spread) are left out: their ranks do not line up by replicate.
JointCoverageCheck joint_coverage_check(const std::vector<SbcQuantity>& quantities, int checks = 4000,
                                        std::uint64_t seed = 1);

}  // namespace exodus
