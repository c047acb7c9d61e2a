#pragma once
// The table both SBC benches print: coverage of the 50% and 90% intervals and a rank test per
// quantity (marked where the 90% coverage is outside what an exact sampler gives in 95% of such
// checks), then each quantity's rank histogram.
#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "exodus/infer/sbc.h"
#include "exodus/infer/sbc_joint.h"

namespace exodus::bench {

inline void print_sbc_table(const SbcResult& r) {
  fmt::print("{:<60} {:>8} {:>8} {:>12}\n", "quantity", "90% cov", "50% cov", "rank chi2(9)");
  int covered = 0, covered50 = 0, trials = 0, scored = 0, outside = 0, replicates = 0;
  for (const auto& q : r.quantities) {
    if (q.trials == 0 && q.without_spread > 0) {
      fmt::print("{:<60} {:>30}\n", q.label, "no spread: not scored");
      continue;
    }
    const CoverageRange exact = exact_coverage_range(q.trials, 0.9);
    const bool out = q.coverage90() < exact.low || q.coverage90() > exact.high;
    ++scored;
    outside += out;
    replicates = std::max(replicates, q.trials);
    fmt::print("{:<60} {:>7.1f}%{} {:>7.1f}% {:>12.1f}\n", q.label, 100 * q.coverage90(), out ? "*" : " ",
               100 * q.coverage50(), q.rank_chi_square());
    covered += q.covered90;
    covered50 += q.covered50;
    trials += q.trials;
  }
  fmt::print("{:<60} {:>7.1f}% {:>7.1f}%\n", "all quantities", trials ? 100.0 * covered / trials : 0.0,
             trials ? 100.0 * covered50 / trials : 0.0);
  if (scored > 0) {
    const CoverageRange exact = exact_coverage_range(replicates, 0.9);
    fmt::print("* outside {:.1f}% to {:.1f}%, where an exact sampler's 90% coverage over {} replicates falls in 95% of such "
               "checks: {} of {} quantities (about {:.1f} by chance if they were independent)\n",
               100 * exact.low, 100 * exact.high, replicates, outside, scored, 0.05 * scored);
    // The same, for quantities as dependent as these (infer/sbc_joint.h).
    const JointCoverageCheck joint = joint_coverage_check(r.quantities);
    if (joint.quantities > 1) {
      fmt::print("taken together ({} quantities scored in all {} replicates): pooled 90% coverage {:.1f}%, where an exact "
                 "sampler with their dependence falls in {:.1f}% to {:.1f}% in 95% of checks",
                 joint.quantities, joint.replicates, 100 * joint.pooled, 100 * joint.pooled_low, 100 * joint.pooled_high);
      if (joint.outside > 0)
        fmt::print("; it leaves {} or more outside in {:.1f}% of checks", joint.outside, 100 * joint.chance_at_least);
      fmt::print("\n");
    }
  }
  // A hump says intervals too wide, a U too narrow, a slope a bias.
  fmt::print("\nrank histograms (10 bins, truth's rank among the draws):\n");
  for (const auto& q : r.quantities) {
    int bins[10] = {};
    for (double x : q.ranks) ++bins[std::min(9, static_cast<int>(x * 10))];
    fmt::print("{:<60} {}\n", q.label, fmt::join(bins, " "));
  }
  fmt::print("(chi-square with 9 degrees of freedom: 16.9 is the 95th percentile, 27.9 the 99.9th)\n");
  for (const auto& q : r.quantities)
    if (q.without_spread > 0)
      fmt::print("{}: in {} replicate(s) the truth and every draw were one value (no spread), left out\n", q.label,
                 q.without_spread);
  for (const auto& f : r.failures) fmt::print("failed: {}\n", f);
}

}  // namespace exodus::bench
