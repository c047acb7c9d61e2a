#include "exodus/infer/smc_sampler.h"

#include <Eigen/Dense>
#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <chrono>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "exodus/core/error.h"
#include "exodus/core/random.h"
#include "exodus/core/random_streams.h"

namespace exodus {

namespace {

// Stream tags of the sampler's randomness (RandomPurpose::kInference, a = member).
using inference_stream::kSmcPrior, inference_stream::kSmcResample, inference_stream::kSmcMove,
    inference_stream::kSmcCheapMove, inference_stream::kSmcRunSeed;
constexpr double kTargetAcceptance = 0.25;

std::uint32_t stage_move(int stage, int move) {
  return (static_cast<std::uint32_t>(stage) << 8) | static_cast<std::uint32_t>(move & 0xff);
}

std::uint64_t run_seed(std::uint64_t seed, std::size_t member, int stage, int move) {
  const auto b = philox_block(seed, RandomPurpose::kInference, static_cast<std::uint32_t>(member),
                              stage_move(stage, move), kSmcRunSeed);
  return (static_cast<std::uint64_t>(b[0]) << 32) | b[1];
}

double log_prior(std::span<const ParameterPrior> priors, std::span<const double> x) {
  double lp = 0;
  for (std::size_t d = 0; d < priors.size(); ++d) {
    if (!within(priors[d], x[d])) return -std::numeric_limits<double>::infinity();
    lp += log_density_working(priors[d], x[d]);
  }
  return lp;
}

// w_i ∝ exp(log_w_i + step · ℓ_i), normalised; members with ℓ = -∞ get 0 for any step > 0.
std::vector<double> tempered_weights(const std::vector<double>& log_w, const std::vector<double>& ll, double step,
                                     double* log_mean = nullptr) {
  const std::size_t n = ll.size();
  std::vector<double> a(n);
  double top = -std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < n; ++i) {
    a[i] = std::isinf(ll[i]) && ll[i] < 0 ? (step > 0 ? -std::numeric_limits<double>::infinity() : log_w[i])
                                          : log_w[i] + step * ll[i];
    top = std::max(top, a[i]);
  }
  std::vector<double> w(n, 0.0);
  if (!std::isfinite(top)) return w;
  double sum = 0;
  for (std::size_t i = 0; i < n; ++i) sum += w[i] = std::exp(a[i] - top);
  for (auto& v : w) v /= sum;
  if (log_mean) {
    // log Σ W_i exp(step ℓ_i), W the normalised previous weights: the evidence increment.
    double top_w = -std::numeric_limits<double>::infinity();
    for (const double v : log_w) top_w = std::max(top_w, v);
    double sum_w = 0;
    for (const double v : log_w) sum_w += std::exp(v - top_w);
    *log_mean = top + std::log(sum) - top_w - std::log(sum_w);
  }
  return w;
}

// Systematic resampling (one uniform): member i's ancestor.
std::vector<std::size_t> systematic_resample(const std::vector<double>& w, double u) {
  const std::size_t n = w.size();
  std::vector<std::size_t> out(n);
  double cum = w[0];
  std::size_t j = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double target = (static_cast<double>(i) + u) / static_cast<double>(n);
    while (cum < target && j + 1 < n) cum += w[++j];
    out[i] = j;
  }
  return out;
}

// The weighted members' mean of the first S coordinates.
Eigen::VectorXd weighted_mean(const std::vector<std::vector<double>>& x, const std::vector<double>& w, std::size_t S) {
  const auto n = static_cast<Eigen::Index>(S);
  Eigen::VectorXd mean = Eigen::VectorXd::Zero(n);
  for (std::size_t m = 0; m < x.size(); ++m)
    for (Eigen::Index d = 0; d < n; ++d) mean[d] += w[m] * x[m][static_cast<std::size_t>(d)];
  return mean;
}

// The weighted members' covariance about their mean, shrunk toward its own diagonal
// by the intensity of Schäfer & Strimmer (2005, "A shrinkage approach to large-scale covariance
// matrix estimation", Stat. Appl. Genet. Mol. Biol. 4(1):32; their target D): the off-diagonal
// entries' estimated variance over their squares. With few effective members for the
// coordinates the sample covariance is singular, and its off-diagonal entries mostly noise; a
// random walk on it never leaves the span of the members it was drawn from.
Eigen::MatrixXd proposal_covariance(const std::vector<std::vector<double>>& x, const std::vector<double>& w,
                                    const Eigen::VectorXd& mean) {
  const Eigen::Index n = mean.size();
  Eigen::MatrixXd cov = Eigen::MatrixXd::Zero(n, n);
  std::vector<Eigen::VectorXd> centred(x.size(), Eigen::VectorXd(n));
  for (std::size_t m = 0; m < x.size(); ++m) {
    for (Eigen::Index d = 0; d < n; ++d) centred[m][d] = x[m][static_cast<std::size_t>(d)] - mean[d];
    cov += w[m] * centred[m] * centred[m].transpose();
  }
  // The variance of a weighted mean of independent terms: Σ w² (term - mean)².
  double noise = 0, signal = 0;
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j) {
      if (i == j) continue;
      double v = 0;
      for (std::size_t m = 0; m < x.size(); ++m) {
        const double t = centred[m][i] * centred[m][j] - cov(i, j);
        v += w[m] * w[m] * t * t;
      }
      noise += v;
      signal += cov(i, j) * cov(i, j);
    }
  double shrink = signal > 0 ? std::clamp(noise / signal, 0.0, 1.0) : 1.0;
  const Eigen::VectorXd diagonal = cov.diagonal();
  cov *= 1 - shrink;
  cov.diagonal() += shrink * diagonal;
  return cov;
}

// Drovandi & Pettitt (2011): the moves after which a member has stayed put in all of them with
// chance at most `unmoved`, were each accepted with the rate seen so far.
double moves_needed(std::size_t accepted, std::size_t proposed, double unmoved) {
  if (proposed == 0) return 1;
  const double rate = static_cast<double>(accepted) / static_cast<double>(proposed);
  if (rate >= 1) return 1;
  if (rate <= 0) return std::numeric_limits<double>::infinity();
  return std::ceil(std::log(unmoved) / std::log1p(-rate));
}

}  // namespace

double effective_sample_size(std::span<const double> weights) {
  double s2 = 0;
  for (const double w : weights) s2 += w * w;
  return s2 > 0 ? 1.0 / s2 : 0.0;
}

namespace {

// One run of the sampler: the population and the tempering's state, which its steps share.
class SmcRun {
 public:
  SmcRun(SmcModel& model, const SmcOptions& o)
      : model_(model), o_(o), priors_(model.priors()), N(o.members), D(priors_.size()),
        S(model.simulated_coordinates()), log_w_(N, 0.0), scale_(S ? 2.38 / std::sqrt(static_cast<double>(S)) : 1.0) {
    if (N < 2) throw std::invalid_argument("a calibration needs at least 2 members");
    if (o.budget && o.budget < kLeastSimulationsPerMember * N)
      throw std::invalid_argument("the budget must allow at least two simulations per member (" +
                                  std::to_string(kLeastSimulationsPerMember * N) + ")");
    if (!(o.unmoved_chance > 0 && o.unmoved_chance < 1))
      throw std::invalid_argument("the chance a member is left unmoved must be between 0 and 1");
  }

  SmcResult run(const std::function<void(const SmcProgress&)>& progress) {
    if (o_.resume) resume(*o_.resume);
    else start_from_priors();
    while (phi_ < 1) {
      ++stage_;
      check_stop();
      if (o_.budget && r_.simulations + N > o_.budget) return finish_by_weights();
      run_stage(progress);
    }
    r_.weights.assign(N, 1.0 / static_cast<double>(N));
    r_.temperature = phi_;
    r_.reached_posterior = true;
    r_.ess = static_cast<double>(N);
    r_.seconds = seconds();
    return std::move(r_);
  }

 private:
  // What a stage's moves propose from, fixed by the reweighted population before it is resampled.
  struct Proposals {
    Eigen::MatrixXd chol;     // Cholesky factor of the simulated coordinates' shrunk covariance
    Eigen::VectorXd centre;   // their weighted mean
    std::vector<double> cheap_sd;  // each cheap coordinate's random-walk sd
  };
  // The acceptance counts of one stage's simulated moves.
  struct MoveCounts {
    int moves = 0;
    std::size_t accepted = 0, proposed = 0, accepted_independent = 0, proposed_independent = 0;
  };

  double seconds() const {
    return earlier_seconds_ + std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  }
  void check_stop() const {
    if (o_.stop && o_.stop->load()) throw Interrupted();
  }
  void save() const {
    if (!o_.checkpoint) return;
    SmcCheckpoint c;
    static_cast<SmcPopulation&>(c) = r_;
    c.stage = stage_;
    c.temperature = phi_;
    c.scale = scale_;
    c.seconds = seconds();
    o_.checkpoint(c);
  }
  // Runs every member's simulation into its own slot.
  void simulate_members() {
    for (std::size_t m = 0; m < N; ++m) jobs_.push_back({m, r_.x[m], r_.run_seed[m]});
    check_stop();
    model_.simulate(jobs_);
  }

  // Continues from a checkpoint: its members' simulations again, from their parameters and seeds
  // (not counted: they repeat), each of which must give the likelihood the checkpoint holds.
  void resume(const SmcCheckpoint& c) {
    if (c.x.size() != N || c.log_likelihood.size() != N || c.run_seed.size() != N)
      throw std::invalid_argument(fmt::format("the checkpoint holds {} members, not {}", c.x.size(), N));
    for (const auto& x : c.x)
      if (x.size() != D) throw std::invalid_argument(fmt::format("the checkpoint's members have {} coordinates, not {}", x.size(), D));
    static_cast<SmcPopulation&>(r_) = c;
    r_.resumed_after_stage = c.stage;
    phi_ = c.temperature;
    scale_ = c.scale;
    stage_ = c.stage;
    earlier_seconds_ = c.seconds;
    simulate_members();
    for (std::size_t m = 0; m < N; ++m) {
      const double ll = model_.log_likelihood(m, r_.x[m]);
      if (std::bit_cast<std::uint64_t>(ll) != std::bit_cast<std::uint64_t>(r_.log_likelihood[m]))
        throw std::invalid_argument(fmt::format(
            "member {}'s simulation gives log-likelihood {} where the checkpoint says {}: the checkpoint is not of "
            "these inputs",
            m, ll, r_.log_likelihood[m]));
    }
  }

  // Stage 0: the members drawn from the priors, simulated and scored.
  void start_from_priors() {
    r_.x.assign(N, std::vector<double>(D));
    r_.log_likelihood.assign(N, 0);
    r_.run_seed.assign(N, 0);
    for (std::size_t m = 0; m < N; ++m) {
      CounterRng rng(o_.seed, RandomPurpose::kInference, static_cast<std::uint32_t>(m), kSmcPrior);
      for (std::size_t d = 0; d < D; ++d) r_.x[m][d] = draw_working(priors_[d], rng);
      r_.run_seed[m] = run_seed(o_.seed, m, 0, 0);
    }
    simulate_members();
    r_.simulations = N;
    bool any_finite = false;
    for (std::size_t m = 0; m < N; ++m) {
      r_.log_likelihood[m] = model_.log_likelihood(m, r_.x[m]);
      any_finite = any_finite || std::isfinite(r_.log_likelihood[m]);
      r_.unscored += std::isinf(r_.log_likelihood[m]) ? 1 : 0;
    }
    if (!any_finite) throw std::invalid_argument("no member drawn from the priors could be scored against the reports");
    save();
  }

  // No simulations left for a move: carry the population to φ = 1 by weights alone.
  SmcResult finish_by_weights() {
    double inc = 0;
    r_.weights = tempered_weights(log_w_, r_.log_likelihood, 1 - phi_, &inc);
    r_.log_evidence += inc;
    phi_ = 1;
    r_.temperature = 1;
    r_.reached_posterior = false;
    r_.ess = effective_sample_size(r_.weights);
    r_.seconds = seconds();
    return std::move(r_);
  }

  // The largest step of φ that keeps ess_share of the members effective.
  double next_step() const {
    const double target = o_.ess_share * static_cast<double>(N);
    double step = 1 - phi_;
    if (effective_sample_size(tempered_weights(log_w_, r_.log_likelihood, step)) < target) {
      double lo = 0, hi = step;
      for (int it = 0; it < 60; ++it) {
        const double mid = 0.5 * (lo + hi);
        (effective_sample_size(tempered_weights(log_w_, r_.log_likelihood, mid)) >= target ? lo : hi) = mid;
      }
      step = std::max(lo, 1e-12);
    }
    return step;
  }

  // One stage: reweight to the next temperature, fit the proposals, resample, move.
  void run_stage(const std::function<void(const SmcProgress&)>& progress) {
    const double step = next_step();
    double inc = 0;
    const std::vector<double> w = tempered_weights(log_w_, r_.log_likelihood, step, &inc);
    r_.log_evidence += inc;
    phi_ = std::min(1.0, phi_ + step);
    if (1 - phi_ < 1e-12) phi_ = 1;
    SmcStage st;
    st.stage = stage_;
    st.temperature = phi_;
    st.ess = effective_sample_size(w);
    const Proposals p = proposals(w);
    resample(w);
    const MoveCounts counts = move_members(p);
    st.moves = counts.moves;
    st.acceptance = counts.proposed ? static_cast<double>(counts.accepted) / static_cast<double>(counts.proposed) : 0;
    st.independent_acceptance = counts.proposed_independent ? static_cast<double>(counts.accepted_independent) /
                                                                  static_cast<double>(counts.proposed_independent)
                                                            : 0;
    st.simulations = r_.simulations;
    st.seconds = seconds();
    r_.stages.push_back(st);
    save();
    if (progress) progress({&r_.stages.back(), r_.simulations, o_.budget, st.seconds});
  }

  // The proposals: the weighted population's mean and covariance of the simulated coordinates,
  // and the cheap coordinates' weighted spread.
  Proposals proposals(const std::vector<double>& w) const {
    Proposals p;
    p.chol = Eigen::MatrixXd::Identity(static_cast<Eigen::Index>(S), static_cast<Eigen::Index>(S));
    p.centre = weighted_mean(r_.x, w, S);
    if (S) {
      Eigen::MatrixXd cov = proposal_covariance(r_.x, w, p.centre);
      cov.diagonal().array() += 1e-10 + 1e-9 * cov.trace() / static_cast<double>(S);
      Eigen::LLT<Eigen::MatrixXd> llt(cov);
      if (llt.info() == Eigen::Success) p.chol = llt.matrixL();
      else p.chol = cov.diagonal().cwiseSqrt().asDiagonal();
    }
    p.cheap_sd.assign(D, 0.0);
    for (std::size_t d = S; d < D; ++d) {
      double mean = 0, var = 0;
      for (std::size_t m = 0; m < N; ++m) mean += w[m] * r_.x[m][d];
      for (std::size_t m = 0; m < N; ++m) var += w[m] * (r_.x[m][d] - mean) * (r_.x[m][d] - mean);
      p.cheap_sd[d] = std::max(std::sqrt(var), 1e-3);
    }
    return p;
  }

  // Resample: member i continues ancestor a[i] (its simulation copied through the proposal slot).
  void resample(const std::vector<double>& w) {
    CounterRng rng(o_.seed, RandomPurpose::kInference, static_cast<std::uint32_t>(stage_), kSmcResample);
    const auto ancestors = systematic_resample(w, rng.next_unit());
    const auto x = r_.x;
    const auto ll = r_.log_likelihood;
    const auto seeds = r_.run_seed;
    for (std::size_t i = 0; i < N; ++i) {
      r_.x[i] = x[ancestors[i]];
      r_.log_likelihood[i] = ll[ancestors[i]];
      r_.run_seed[i] = seeds[ancestors[i]];
      model_.copy_slot(ancestors[i], N + i);
    }
    for (std::size_t i = 0; i < N; ++i) model_.swap_slots(i, N + i);
    std::fill(log_w_.begin(), log_w_.end(), 0.0);
  }

  // Metropolis steps of the cheap coordinates, one at a time: they need no new simulation.
  void cheap_moves(const Proposals& p, int move) {
    for (std::size_t m = 0; m < N; ++m) {
      CounterRng rng(o_.seed, RandomPurpose::kInference, static_cast<std::uint32_t>(m),
                     stage_move(stage_, move) ^ kSmcCheapMove);
      for (int c = 0; c < o_.cheap_moves; ++c)
        for (std::size_t d = S; d < D; ++d) {
          std::vector<double> y = r_.x[m];
          y[d] += p.cheap_sd[d] * standard_normal(rng);
          const double u = rng.next_unit();
          if (!within(priors_[d], y[d])) continue;
          const double ll = model_.log_likelihood(m, y);
          const double log_a = phi_ * (ll - r_.log_likelihood[m]) + log_density_working(priors_[d], y[d]) -
                               log_density_working(priors_[d], r_.x[m][d]);
          if (std::log(std::max(u, 1e-300)) < log_a) {
            r_.x[m] = std::move(y);
            r_.log_likelihood[m] = ll;
          }
        }
    }
  }

  // log q(x) of the independent proposal, up to its constant: -|L⁻¹(x - centre)|² / 2.
  double log_independent(const Proposals& p, const std::vector<double>& x) const {
    Eigen::VectorXd v(static_cast<Eigen::Index>(S));
    for (std::size_t d = 0; d < S; ++d) v[static_cast<Eigen::Index>(d)] = x[d] - p.centre[static_cast<Eigen::Index>(d)];
    const double q = p.chol.triangularView<Eigen::Lower>().solve(v).squaredNorm();
    if (o_.independent_dof <= 0) return -0.5 * q;
    // A multivariate t: heavier tails than the population, so that members reach its edges.
    const double nu = static_cast<double>(o_.independent_dof);
    return -0.5 * (nu + static_cast<double>(S)) * std::log1p(q / nu);
  }

  // Move: simulated steps, independent proposals and random-walk ones in turn, until a member
  // has most likely moved at least once; at the posterior, until the budget is spent.
  MoveCounts move_members(const Proposals& p) {
    MoveCounts counts;
    const bool spend = o_.spend_budget_at_posterior && o_.budget > 0 && phi_ >= 1;
    // At most kMovesPerStage - 1: move + 1 seeds the run.
    const int most_moves = std::min(spend ? kMovesPerStage : o_.max_moves, kMovesPerStage - 1);
    for (int move = 0; S && move < most_moves; ++move) {
      if (o_.budget && r_.simulations + N > o_.budget) break;
      check_stop();
      const bool independent = o_.independent_proposals && move % 2 == 0;
      const std::size_t accepted = simulated_move(p, move, independent);
      ++counts.moves;
      counts.accepted += accepted;
      counts.proposed += N;
      const double rate = static_cast<double>(accepted) / static_cast<double>(N);
      if (independent) {
        counts.accepted_independent += accepted;
        counts.proposed_independent += N;
      } else {
        scale_ *= std::exp(rate - kTargetAcceptance);  // wider when most are accepted, narrower when few
      }
      cheap_moves(p, move);
      if (!spend &&
          static_cast<double>(counts.moves) >= moves_needed(counts.accepted, counts.proposed, o_.unmoved_chance))
        break;
    }
    if (!S || counts.moves == 0) cheap_moves(p, 0);
    return counts;
  }

  // Member m's proposal for a simulated move, and the uniform that decides it.
  std::vector<double> propose(const Proposals& p, std::size_t m, int move, bool independent, double* uniform) const {
    CounterRng rng(o_.seed, RandomPurpose::kInference, static_cast<std::uint32_t>(m),
                   stage_move(stage_, move) ^ kSmcMove);
    Eigen::VectorXd z(static_cast<Eigen::Index>(S));
    for (std::size_t d = 0; d < S; ++d) z[static_cast<Eigen::Index>(d)] = standard_normal(rng);
    if (independent && o_.independent_dof > 0) {
      double chi2 = 0;
      for (int k = 0; k < o_.independent_dof; ++k) {
        const double g = standard_normal(rng);
        chi2 += g * g;
      }
      z *= std::sqrt(static_cast<double>(o_.independent_dof) / std::max(chi2, 1e-300));
    }
    // Independent: a draw about the population's centre; random walk: a step from the member.
    const Eigen::VectorXd drawn =
        independent ? Eigen::VectorXd(p.centre + p.chol * z) : Eigen::VectorXd(scale_ * (p.chol * z));
    std::vector<double> proposal = r_.x[m];
    for (std::size_t d = 0; d < S; ++d) {
      const double v = drawn[static_cast<Eigen::Index>(d)];
      proposal[d] = independent ? v : proposal[d] + v;
    }
    *uniform = rng.next_unit();
    return proposal;
  }

  // One simulated Metropolis-Hastings step of every member: the proposals within the priors are
  // simulated into the proposal slots, and each accepted one swapped in. Returns the accepted.
  std::size_t simulated_move(const Proposals& p, int move, bool independent) {
    std::vector<std::vector<double>> proposal(N);
    std::vector<double> uniform(N);
    std::vector<std::uint64_t> seeds(N);
    jobs_.clear();
    for (std::size_t m = 0; m < N; ++m) {
      proposal[m] = propose(p, m, move, independent, &uniform[m]);
      seeds[m] = run_seed(o_.seed, m, stage_, move + 1);
    }
    for (std::size_t m = 0; m < N; ++m)
      if (std::isfinite(log_prior(priors_, proposal[m]))) jobs_.push_back({N + m, proposal[m], seeds[m]});
    model_.simulate(jobs_);
    r_.simulations += jobs_.size();
    std::size_t accepted = 0;
    for (const auto& job : jobs_) {
      const std::size_t m = job.slot - N;
      const double ll = model_.log_likelihood(job.slot, proposal[m]);
      r_.unscored += std::isinf(ll) ? 1 : 0;
      double log_a = phi_ * (ll - r_.log_likelihood[m]) + log_prior(priors_, proposal[m]) - log_prior(priors_, r_.x[m]);
      if (independent) log_a += log_independent(p, r_.x[m]) - log_independent(p, proposal[m]);
      if (std::log(std::max(uniform[m], 1e-300)) < log_a) {
        r_.x[m] = proposal[m];
        r_.log_likelihood[m] = ll;
        r_.run_seed[m] = seeds[m];
        model_.swap_slots(m, job.slot);
        ++accepted;
      }
    }
    return accepted;
  }

  SmcModel& model_;
  const SmcOptions& o_;
  const std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  double earlier_seconds_ = 0;  // set from a checkpoint
  const std::span<const ParameterPrior> priors_;
  const std::size_t N, D, S;  // members, coordinates, simulated coordinates
  SmcResult r_;
  std::vector<SmcSimulation> jobs_;
  std::vector<double> log_w_;  // zero after every resampling: the stages start from equal weights
  double phi_ = 0, scale_;
  int stage_ = 0;
};

}  // namespace

SmcResult run_smc(SmcModel& model, const SmcOptions& o, const std::function<void(const SmcProgress&)>& progress) {
  return SmcRun(model, o).run(progress);
}

}  // namespace exodus
