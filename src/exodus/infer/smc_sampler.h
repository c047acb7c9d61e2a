#pragma once
// A sequential Monte Carlo sampler for expensive stochastic simulators with an explicit
// likelihood: a population of members drawn from the prior is carried to the posterior through
// tempered targets prior × likelihood^φ, φ from 0 to 1 (Del Moral, Doucet & Jasra 2006,
// "Sequential Monte Carlo samplers", JRSS B 68(3):411-436). Each step of φ is chosen so that
// the reweighted population keeps a set effective sample size (adaptive tempering: Jasra,
// Stephens, Doucet & Tsagaris 2011, Scand. J. Stat. 38(1):1-22); the population is then
// resampled (systematic) and moved by Metropolis-Hastings steps of two kinds in turn: an
// independent proposal, a normal with the weighted population's mean and covariance (South,
// Pettitt & Drovandi 2019, "Sequential Monte Carlo samplers with independent Markov chain Monte
// Carlo proposals", Bayesian Analysis 14(3):753-776), whose accepted draws owe nothing to the
// member's ancestor, and a random walk on that covariance, scaled to keep acceptance near a
// quarter, for the posterior's shape the normal misses.
//
// Two choices keep the population from losing its spread when it has few members for its
// dimension (the 2022 scenario: 64 members, 23 simulated coordinates):
// - the proposal's covariance is shrunk toward its own diagonal by the intensity of Schäfer &
//   Strimmer (2005): with few effective members for the coordinates the sample covariance is
//   singular, and a random walk on it never leaves the span of the members it was drawn from;
// - a stage makes as many moves as it takes for a member to have moved at least once with
//   probability 1 - `unmoved_chance`, R = ⌈log c / log(1 - acceptance)⌉ (Drovandi & Pettitt
//   2011, "Estimation of parameters for macroparasite population evolution using approximate
//   Bayesian computation", Biometrics 67(1):225-233), re-estimated after every move, with
//   acceptance the stage's so far.
// Once the tempering reaches the posterior, the last stage moves on until the budget is spent:
// where the figures trade parameters for one another along a curved ridge, moves that only
// ensure each member has moved leave the members bunched along it.
//
// The likelihood of a member is that of one simulation at its parameters (a pseudo-marginal
// estimate: the chain targets the simulator's likelihood averaged over its randomness). The
// coordinates the model marks as cheap (a calibration's discrepancy sds) change the likelihood
// without a new simulation: they get Metropolis steps of their own between simulations.
//
// All randomness is keyed by (seed, stage, move, member): results do not depend on the order
// or the threads in which the model runs its simulations.
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "exodus/world/parameter_prior.h"

namespace exodus {

// One simulation to run: member `slot`'s parameters on the working scale, and its run's seed.
struct SmcSimulation {
  std::size_t slot = 0;
  std::span<const double> x;
  std::uint64_t seed = 0;
};

// What the sampler needs of a model. Slots 0..N-1 hold the members' current simulations and
// N..2N-1 their proposals.
class SmcModel {
 public:
  virtual ~SmcModel() = default;
  // One prior per coordinate; the first `simulated_coordinates()` need a simulation to move.
  virtual std::span<const ParameterPrior> priors() const = 0;
  virtual std::size_t simulated_coordinates() const = 0;
  // Runs each simulation into its slot, in any order and on any threads.
  virtual void simulate(std::span<const SmcSimulation> jobs) = 0;
  // The log-likelihood of the simulation in `slot`, with the cheap coordinates of x;
  // -infinity when the member cannot be run (e.g. over a limit).
  virtual double log_likelihood(std::size_t slot, std::span<const double> x) const = 0;
  virtual void copy_slot(std::size_t from, std::size_t to) = 0;
  virtual void swap_slots(std::size_t a, std::size_t b) = 0;
};

// For a model that runs members into slots: makes each of these slots exist in its storage.
template <typename Slot>
void make_slots_for(std::vector<std::unique_ptr<Slot>>& slots, std::span<const std::size_t> indices) {
  std::size_t most = 0;
  for (const auto i : indices) most = std::max(most, i + 1);
  if (slots.size() < most) slots.resize(most);
  for (const auto i : indices)
    if (!slots[i]) slots[i] = std::make_unique<Slot>();
}

struct SmcStage {
  int stage = 0;
  double temperature = 0;  // φ reached
  double ess = 0;          // after reweighting, before resampling
  int moves = 0;
  double acceptance = 0;   // of the simulated moves
  double independent_acceptance = 0;  // of those from the independent proposal
  std::size_t simulations = 0;  // in all, to the end of the stage
  double seconds = 0;           // since the start
};

// The population as the stages leave it: what a checkpoint keeps and a result gives.
struct SmcPopulation {
  std::vector<std::vector<double>> x;    // [member][coordinate], working scale
  std::vector<double> log_likelihood;    // of each member's simulation
  std::vector<std::uint64_t> run_seed;   // the seed of each member's simulation (slot m)
  double log_evidence = 0;               // log p(reports), a by-product of tempering
  std::size_t simulations = 0;
  std::size_t unscored = 0;              // simulations whose likelihood was -infinity (over a limit)
  std::vector<SmcStage> stages;
};

// The sampler's whole state at the end of a stage (stage 0: the prior's members scored): with
// it, and the same model, options and seed, a stopped run continues to the bytes an unstopped
// one ends with. The models' simulations are not kept: they are run again from each member's
// parameters and seed, and must give the same likelihood to the last bit.
struct SmcCheckpoint : SmcPopulation {
  int stage = 0;           // stages completed
  double temperature = 0;  // φ reached
  double scale = 0;        // the random walk's adapted scale
  double seconds = 0;      // spent to the checkpoint, over every process that worked on it
};

// Simulated moves in one stage at most: a move's random streams are keyed by its index in 8 bits.
inline constexpr int kMovesPerStage = 255;

// A calibration's default budget: the prior's members, and some 6 stages of 15 to 30 moves.
inline constexpr std::size_t kDefaultSimulationsPerMember = 200;
// The least budget a population can carry: the prior's draw and one move a member.
inline constexpr std::size_t kLeastSimulationsPerMember = 2;

struct SmcOptions {
  std::size_t members = 64;
  std::size_t budget = 0;          // simulations at most (0: no limit); at least 2 x members
  double ess_share = 0.5;          // each tempering step keeps this share of members effective
  int max_moves = 30;              // simulated Metropolis steps per stage at most (and at most kMovesPerStage)
  // Once φ reaches 1, the moves go on until the budget is spent (up to kMovesPerStage): the
  // members left by the stages are bunched where the posterior is a curved ridge the moves
  // cross slowly (parameters the figures trade for one another), and further moves at the
  // posterior spread them (bench/smc-ridges). Off: the last stage stops as the others do, once
  // every member has most likely moved.
  bool spend_budget_at_posterior = true;
  double unmoved_chance = 0.01;    // moves continue until a member stays put with about this chance
  int cheap_moves = 10;            // steps of the cheap coordinates after each simulated one
  bool independent_proposals = true;  // every other simulated move from the population's normal
  int independent_dof = 0;            // > 0: that proposal is a multivariate t of these degrees of freedom
  std::uint64_t seed = 1;
  const std::atomic<bool>* stop = nullptr;  // when set and true: Interrupted at the next batch
  const SmcCheckpoint* resume = nullptr;     // continue from this state rather than the prior
  std::function<void(const SmcCheckpoint&)> checkpoint;  // called at the end of every stage
};


struct SmcProgress {
  const SmcStage* stage = nullptr;
  std::size_t simulations = 0, budget = 0;
  double seconds = 0;
};

struct SmcResult : SmcPopulation {
  std::vector<double> weights;     // sum to 1 (equal unless the budget ran out)
  double temperature = 0;
  bool reached_posterior = false;  // false: the budget ran out; weights carry the last step to φ = 1
  double ess = 0;                  // of the final weights
  double seconds = 0;
  int resumed_after_stage = -1;    // the checkpoint's stage when resumed; -1 when not
};

// Throws Interrupted when options.stop is set; std::invalid_argument for a budget below twice
// the members, when no member of the prior has a finite likelihood, or for a checkpoint of
// another population size or whose members' simulations do not give its likelihoods again.
SmcResult run_smc(SmcModel& model, const SmcOptions& options,
                  const std::function<void(const SmcProgress&)>& progress = {});

// Effective sample size of normalised weights: 1 / Σ w².
double effective_sample_size(std::span<const double> weights);

}  // namespace exodus
