#pragma once
// Simulation-based calibration of exodus calibrate (Talts, Betancourt, Simpson, Vehtari and
// Gelman 2018, "Validating Bayesian inference algorithms with simulation-based calibration"):
// each replicate draws a truth from the priors (the scenario's and the discrepancies'), runs
// the scenario with it, renders the figures of a fixed design (the windows, kinds and metrics
// of a reports set) from that run through the observation model, calibrates on them, and
// records where the truth falls in the posterior: for every parameter, and for the key totals
// (infer/key_totals.h) of the truth's own run with its discrepancy. The intervals are honest
// when the truth is in the 90% interval about 90% of the time and its rank is uniform.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "exodus/core/limits.h"
#include "exodus/core/interval.h"
#include "exodus/infer/sbc.h"
#include "exodus/infer/smc_sampler.h"
#include "exodus/world/reports.h"
#include "exodus/world/scenario.h"

namespace exodus {

struct CalibrationSbcOptions {
  std::size_t replicates = 100;
  std::size_t first_replicate = 0;  // replicates first_replicate .. first_replicate + replicates - 1
  std::size_t members = 32;
  std::size_t budget = 0;  // simulations per calibration at most; 0: kDefaultSimulationsPerMember x members
  std::uint64_t seed = 1;
  // The sampler's settings beyond members and budget (infer/smc_sampler.h): defaults as calibrate's.
  double ess_share = SmcOptions{}.ess_share;
  double unmoved_chance = SmcOptions{}.unmoved_chance;
  bool spend_budget_at_posterior = SmcOptions{}.spend_budget_at_posterior;
  int independent_dof = SmcOptions{}.independent_dof;
  std::uint64_t sampler_seed = 0;  // added to each calibration's seed: other sampler draws, the same truths
  int threads = 0;
  // Replicates calibrated side by side, each on threads / this many threads (0: one per thread).
  std::size_t replicates_at_once = 0;
  // > 1: the calibrations' members run with agents standing for this many people (none: the
  // scenario's calibration_people_per_agent); the truths run one agent a person, as the world does.
  std::optional<double> people_per_agent;
  // The truths' own scale: 1 (the world), or the members' to tell what their scale's bias does
  // to the intervals from the rest of the sampler's faults.
  double truth_people_per_agent = 1;
  InputLimits limits;
};

// Where one replicate's truth fell, for one quantity.
struct CalibrationSbcRecord {
  std::string label;
  double truth = 0, rank = 0;  // rank: infer/sbc.h's sbc_rank, uniform on [0, 1] when the intervals are honest
  Interval interval;
};

// One replicate: its records (the priors in order, then the key totals), or why it failed, and
// how its calibration went.
struct CalibrationSbcReplicate {
  std::size_t index = 0;
  std::string failure;
  std::vector<CalibrationSbcRecord> records;
  std::size_t simulations = 0;
  bool reached_posterior = false;
  std::vector<SmcStage> stages;
  std::size_t distinct_members = 0;  // members at the end whose simulated parameters are not another's copy
  // The truth's log-likelihood (the mean over kTruthRuns runs of it as a member runs, and its sd
  // over them: the noise a member at the truth carries) and log-prior, beside the members'
  // medians: a truth far more likely than every member says the sampler did not find it; a
  // large sd, that the likelihood's noise there is more than the sampler can move through.
  static constexpr std::size_t kTruthRuns = 4;
  double truth_log_likelihood = 0, truth_log_likelihood_sd = 0, truth_log_prior = 0;
  double members_log_likelihood = 0, members_log_prior = 0;
};

struct CalibrationSbcResult {
  SbcResult sbc;                     // quantities: the priors in order, then the key totals
  std::size_t simulations = 0;       // over every calibration, sampling runs only
  std::size_t reached_posterior = 0;  // calibrations whose tempering reached temperature 1
  std::size_t figures = 0;           // figures rendered per replicate (the design's two-sided ones)
};

// `design`: reports whose windows, kinds, places and metrics the rendered figures take (bounds
// and denials are left out: they have no generative form). `progress`: after each replicate;
// called by one thread at a time, in any order.
CalibrationSbcResult run_calibration_sbc(const Scenario& scenario, const std::vector<Report>& design,
                                         const CalibrationSbcOptions& options,
                                         const std::function<void(const CalibrationSbcReplicate&)>& progress = nullptr);

// Adds one replicate's records to the tables (a quantity per label, in the order first seen); a
// record whose intervals are its truth alone (the truth and the draws one value) counts as
// without spread, not as a trial.
void add_calibration_sbc_records(SbcResult& sbc, const std::vector<CalibrationSbcRecord>& records);

}  // namespace exodus
