#pragma once
// Every stream of RandomPurpose::kInference, in one list, so that no two procedures draw the
// same numbers: a procedure's draws are keyed by (seed, purpose, a, b), and its tag here sets b
// (plus or exclusive-or its member, report, series or quantity, in the low bits, as each one's
// comment says). The tags of the procedures that take b's high byte differ in that byte. A new
// procedure takes a tag of its own here; changing a tag changes that procedure's numbers.
#include <array>
#include <cstdint>

namespace exodus::inference_stream {

// The calibration's sampler (infer/smc_sampler; a = member or stage).
inline constexpr std::uint32_t kSmcPrior = 0x51000000u, kSmcResample = 0x52000000u, kSmcMove = 0x53000000u,
                               kSmcCheapMove = 0x54000000u, kSmcRunSeed = 0x55000000u;
// What a calibrated population says (infer/posterior_runs; a = member): bands (+ series), fitted
// figures (+ report), predictions (+ report), the prior discrepancy of an unfitted metric and
// key totals (^ the metric's 24-bit tag).
inline constexpr std::uint32_t kPosteriorBand = 0x61000000u, kPosteriorFit = 0x62000000u,
                               kPosteriorPredict = 0x63000000u, kPosteriorUnfitted = 0x64000000u,
                               kPosteriorTotal = 0x65000000u;
// A parameter's prior interval (infer/parameter_summary; + parameter).
inline constexpr std::uint32_t kPriorSummary = 0x66000000u;
// An ensemble's draws of the priors (app/ensemble_use_case; a = member, + parameter).
inline constexpr std::uint32_t kEnsembleDraw = 0x67000000u;
// The calibration's SBC (app/calibration_sbc; a = replicate): truths, their figures, their
// totals, the ranks' tie-breaks (+ quantity).
inline constexpr std::uint32_t kSbcTruth = 0x68000000u, kSbcRender = 0x69000000u, kSbcTotalTruth = 0x6a000000u,
                               kSbcRank = 0x6c000000u;
// A Flee calibration's camp bands (infer/camp_bands; a = day and camp, + member).
inline constexpr std::uint32_t kCampBand = 0x6b000000u;
// A scenario run's fit to its reports (score/run_report_fit; a = draw, + report).
inline constexpr std::uint32_t kRunFit = 0x6f000000u;

// Whose b's high byte is the tag's own: no two of them may share it.
inline constexpr std::array kHighByteTags = {kSmcPrior,          kSmcResample,   kSmcMove,          kSmcCheapMove,
                                             kSmcRunSeed,        kPosteriorBand, kPosteriorFit,     kPosteriorPredict,
                                             kPosteriorUnfitted, kPosteriorTotal, kPriorSummary,    kEnsembleDraw,
                                             kSbcTruth,          kSbcRender,     kSbcTotalTruth,    kSbcRank,
                                             kCampBand,          kRunFit};
constexpr bool high_bytes_differ() {
  for (std::size_t i = 0; i < kHighByteTags.size(); ++i)
    for (std::size_t j = i + 1; j < kHighByteTags.size(); ++j)
      if ((kHighByteTags[i] >> 24) == (kHighByteTags[j] >> 24)) return false;
  return true;
}
static_assert(high_bytes_differ(), "two inference streams share a tag");

// The estimate's (infer/estimate, infer/laplace, infer/sbc, infer/sbc_joint), keyed in the low
// bits of b: a report's predictive draws during the fit and for its reports_fit row (+ report),
// the Laplace draws, and the SBC's replicates and their joint ranks.
inline constexpr std::uint32_t kEstimatePredictive = 0x5f00000u, kEstimateFitPredictive = 0x5e00000u,
                               kLaplaceDraw = 0x1a91aceu, kEstimateSbc = 0x5bcu, kEstimateSbcJoint = 0x5bc707u;

}  // namespace exodus::inference_stream
