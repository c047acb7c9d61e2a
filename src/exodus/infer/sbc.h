#pragma once
// Simulation-based calibration of exodus estimate: truths drawn from the model's prior,
// reports rendered from them with the observation model (the same windows and kinds as a
// design file, plus weekly official counts), each fitted; the intervals are honest when the
// truth falls in the 90% interval about 90% of the time and its rank among the posterior draws
// is uniform.
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "exodus/core/random.h"

#include "exodus/infer/estimate.h"
#include "exodus/core/interval.h"
#include "exodus/world/reports.h"

namespace exodus {

struct SbcOptions {
  std::size_t replicates = 100;
  std::size_t draws = 400;
  std::uint64_t seed = 1;
  int weekly_series_weeks = 6;  // weekly official entries per named corridor after the shock
  int weekly_series_before = 2; // and before it (official series exist before a shock too)
};

// The truth's rank among weighted posterior draws (value, weight; weights summing to one), as a
// number that is uniform on [0, 1] when the truth and the draws are exchangeable. Of L draws,
// the count below the truth is then uniform on 0..L (Talts et al. 2018), so (count + u) / (L + 1)
// with u uniform on [0, 1) is uniform; weighted draws count L times their mass below. Ties with
// the truth take a random share of their mass. Without the dither, 32 draws give 33 ranks that
// fall 4, 3, 3, 3, 3, 4, 3, 3, 3, 4 to the ten bins of a histogram, and a quantity equal in
// every draw and in the truth (a corridor that stays closed) ranks one half every time: both read
// as faults of the inference that are not there.
// `members` > 0: the draws are a mixture of that many members (core/interval.h), and the truth
// is exchangeable with a member, not a draw: L is the members.
double sbc_rank(double truth, std::span<const std::pair<double, double>> draws, CounterRng& rng,
                std::size_t members = 0);

struct SbcQuantity {
  std::string label;
  int covered90 = 0, covered50 = 0, trials = 0;
  // Replicates where the truth and every draw were one value (e.g. a closed corridor's zero):
  // they test nothing, so they are not in trials, coverage or ranks.
  int without_spread = 0;
  std::vector<double> ranks;  // fraction of posterior mass below the truth, per replicate
  // One replicate's trial: whether each interval holds the truth, and the truth's rank.
  void add_trial(double truth, const Interval& interval, double rank) {
    ++trials;
    covered90 += truth >= interval.lo90 && truth <= interval.hi90;
    covered50 += truth >= interval.lo50 && truth <= interval.hi50;
    ranks.push_back(rank);
  }
  double coverage90() const { return trials ? static_cast<double>(covered90) / trials : 0; }
  double coverage50() const { return trials ? static_cast<double>(covered50) / trials : 0; }
  // Pearson chi-square of the ranks over 10 equal bins (9 degrees of freedom).
  double rank_chi_square() const;
};

// Where an exact sampler's coverage of a `nominal` interval falls over `trials` replicates, in
// `level` of such checks: the central quantiles of Binomial(trials, nominal) / trials. Over 100
// replicates a 90% interval of a perfect posterior holds between 84% and 95% of the truths in 95
// SBCs of 100, so a coverage outside that says more than the luck of the draw.
struct CoverageRange {
  double low = 0, high = 0;
};
CoverageRange exact_coverage_range(int trials, double nominal, double level = 0.95);

struct SbcResult {
  std::vector<SbcQuantity> quantities;
  int failed_fits = 0;  // fits whose diagnostics failed (counted, not scored)
  std::vector<std::string> failures;  // why, one line per failed fit
  double seconds = 0;
};

// Reports of a design, re-valued from a truth; bounds and denials are left out (they have no
// generative form in the observation model yet).
SbcResult run_sbc(const ReportSet& design, const EstimateOptions& base, const SbcOptions& options,
                  const std::function<void(std::size_t)>& progress = nullptr);

}  // namespace exodus
