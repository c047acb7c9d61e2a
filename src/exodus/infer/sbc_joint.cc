#include "exodus/infer/sbc_joint.h"

#include <algorithm>
#include <numeric>

#include "exodus/core/random.h"
#include "exodus/core/random_streams.h"

namespace exodus {

namespace {
constexpr double kNominal = 0.9;
// The share of the k-th of n equal slices of [0, 1] that lies within the central 90%: a rank
// drawn uniformly from that slice falls inside with this chance (at 100 replicates 0 or 1; at
// 25, the slices astride 0.05 and 0.95 are partly inside, so that the margin holds 90% exactly).
double inside90(std::size_t k, std::size_t n) {
  const double lo = static_cast<double>(k) / static_cast<double>(n), hi = static_cast<double>(k + 1) / static_cast<double>(n);
  const double overlap = std::min(hi, (1 + kNominal) / 2) - std::max(lo, (1 - kNominal) / 2);
  return std::clamp(overlap * static_cast<double>(n), 0.0, 1.0);
}
}  // namespace

JointCoverageCheck joint_coverage_check(const std::vector<SbcQuantity>& quantities, int checks, std::uint64_t seed) {
  JointCoverageCheck out;
  int n = 0;
  for (const auto& q : quantities) n = std::max(n, q.trials);
  std::vector<const SbcQuantity*> used;
  for (const auto& q : quantities)
    if (q.trials == n && n > 0 && q.ranks.size() == static_cast<std::size_t>(n)) used.push_back(&q);
  out.quantities = static_cast<int>(used.size());
  out.replicates = n;
  if (used.empty() || checks <= 0) return out;
  const CoverageRange exact = exact_coverage_range(n, kNominal);
  const auto outside_range = [&](int covered) {
    const double c = static_cast<double>(covered) / n;
    return c < exact.low || c > exact.high;
  };

  // What happened, and each quantity's ranks made exactly uniform: [replicate][quantity].
  const std::size_t Q = used.size(), N = static_cast<std::size_t>(n);
  std::vector<double> inside(N * Q);  // the chance the replicate's rank falls inside
  int covered_all = 0;
  for (std::size_t q = 0; q < Q; ++q) {
    out.outside += outside_range(used[q]->covered90);
    covered_all += used[q]->covered90;
    std::vector<std::size_t> order(N);
    std::iota(order.begin(), order.end(), 0);
    const auto& ranks = used[q]->ranks;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return ranks[a] < ranks[b]; });
    for (std::size_t k = 0; k < N; ++k)
      inside[order[k] * Q + q] = inside90(k, N);
  }
  out.pooled = static_cast<double>(covered_all) / static_cast<double>(N * Q);

  // Bootstrap SBCs of an exact sampler with this dependence.
  int as_bad = 0;
  std::vector<double> pooled(static_cast<std::size_t>(checks));
  std::vector<int> covered(Q);
  for (int b = 0; b < checks; ++b) {
    CounterRng rng(seed, RandomPurpose::kInference, static_cast<std::uint32_t>(b), inference_stream::kEstimateSbcJoint);
    std::fill(covered.begin(), covered.end(), 0);
    for (std::size_t k = 0; k < N; ++k) {
      const auto row = std::min(N - 1, static_cast<std::size_t>(rng.next_unit() * static_cast<double>(N)));
      for (std::size_t q = 0; q < Q; ++q) {
        const double chance = inside[row * Q + q];
        covered[q] += chance >= 1 || (chance > 0 && rng.next_unit() < chance);
      }
    }
    int outside = 0, total = 0;
    for (const int c : covered) {
      outside += outside_range(c);
      total += c;
    }
    as_bad += outside >= out.outside;
    pooled[static_cast<std::size_t>(b)] = static_cast<double>(total) / static_cast<double>(N * Q);
  }
  out.chance_at_least = static_cast<double>(as_bad) / checks;
  std::sort(pooled.begin(), pooled.end());
  const auto at = [&](double p) { return pooled[std::min(pooled.size() - 1, static_cast<std::size_t>(p * static_cast<double>(pooled.size())))]; };
  out.pooled_low = at(0.025);
  out.pooled_high = at(0.975);
  return out;
}

}  // namespace exodus
