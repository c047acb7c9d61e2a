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

namespace exodus {

namespace {

// Stream tags of the sampler's randomness (RandomPurpose::kInference, a = member).
constexpr std::uint32_t kPriorStream = 0x51000000u, kResampleStream = 0x52000000u, kMoveStream = 0x53000000u,
                        kCheapStream = 0x54000000u, kSeedStream = 0x55000000u;
constexpr double kTargetAcceptance = 0.25;

std::uint32_t stage_move(int stage, int move) {
  return (static_cast<std::uint32_t>(stage) << 8) | static_cast<std::uint32_t>(move & 0xff);
}

std::uint64_t run_seed(std::uint64_t seed, std::size_t member, int stage, int move) {
  const auto b = philox_block(seed, RandomPurpose::kInference, static_cast<std::uint32_t>(member),
                              stage_move(stage, move), kSeedStream);
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

SmcResult run_smc(SmcModel& model, const SmcOptions& o, const std::function<void(const SmcProgress&)>& progress) {
  const auto started = std::chrono::steady_clock::now();
  double earlier_seconds = 0;  // set from a checkpoint
  const auto seconds = [&] {
    return earlier_seconds + std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  };
  const auto priors = model.priors();
  const std::size_t N = o.members, D = priors.size(), S = model.simulated_coordinates();
  if (N < 2) throw std::invalid_argument("a calibration needs at least 2 members");
  if (o.budget && o.budget < 2 * N)
    throw std::invalid_argument("the budget must allow at least two simulations per member (" + std::to_string(2 * N) + ")");
  if (!(o.unmoved_chance > 0 && o.unmoved_chance < 1))
    throw std::invalid_argument("the chance a member is left unmoved must be between 0 and 1");
  const auto check_stop = [&] {
    if (o.stop && o.stop->load()) throw Interrupted();
  };

  SmcResult r;
  std::vector<SmcSimulation> jobs;
  std::vector<double> log_w(N, 0.0);  // zero after every resampling: the stages start from equal weights
  double phi = 0, scale = S ? 2.38 / std::sqrt(static_cast<double>(S)) : 1.0;
  int stage = 0;
  const auto save = [&] {
    if (!o.checkpoint) return;
    SmcCheckpoint c;
    static_cast<SmcPopulation&>(c) = r;
    c.stage = stage;
    c.temperature = phi;
    c.scale = scale;
    c.seconds = seconds();
    o.checkpoint(c);
  };
  if (o.resume) {
    const SmcCheckpoint& c = *o.resume;
    if (c.x.size() != N || c.log_likelihood.size() != N || c.run_seed.size() != N)
      throw std::invalid_argument(fmt::format("the checkpoint holds {} members, not {}", c.x.size(), N));
    for (const auto& x : c.x)
      if (x.size() != D) throw std::invalid_argument(fmt::format("the checkpoint's members have {} coordinates, not {}", x.size(), D));
    static_cast<SmcPopulation&>(r) = c;
    r.resumed_after_stage = c.stage;
    phi = c.temperature;
    scale = c.scale;
    stage = c.stage;
    earlier_seconds = c.seconds;
    // The members' simulations again, from their parameters and seeds (not counted: they repeat).
    for (std::size_t m = 0; m < N; ++m) jobs.push_back({m, r.x[m], r.run_seed[m]});
    check_stop();
    model.simulate(jobs);
    for (std::size_t m = 0; m < N; ++m) {
      const double ll = model.log_likelihood(m, r.x[m]);
      if (std::bit_cast<std::uint64_t>(ll) != std::bit_cast<std::uint64_t>(r.log_likelihood[m]))
        throw std::invalid_argument(fmt::format(
            "member {}'s simulation gives log-likelihood {} where the checkpoint says {}: the checkpoint is not of "
            "these inputs",
            m, ll, r.log_likelihood[m]));
    }
  } else {
    r.x.assign(N, std::vector<double>(D));
    r.log_likelihood.assign(N, 0);
    r.run_seed.assign(N, 0);
    for (std::size_t m = 0; m < N; ++m) {
      CounterRng rng(o.seed, RandomPurpose::kInference, static_cast<std::uint32_t>(m), kPriorStream);
      for (std::size_t d = 0; d < D; ++d) r.x[m][d] = draw_working(priors[d], rng);
      r.run_seed[m] = run_seed(o.seed, m, 0, 0);
    }
    for (std::size_t m = 0; m < N; ++m) jobs.push_back({m, r.x[m], r.run_seed[m]});
    check_stop();
    model.simulate(jobs);
    r.simulations = N;
    bool any_finite = false;
    for (std::size_t m = 0; m < N; ++m) {
      r.log_likelihood[m] = model.log_likelihood(m, r.x[m]);
      any_finite = any_finite || std::isfinite(r.log_likelihood[m]);
      r.unscored += std::isinf(r.log_likelihood[m]) ? 1 : 0;
    }
    if (!any_finite) throw std::invalid_argument("no member drawn from the priors could be scored against the reports");
    save();
  }

  while (phi < 1) {
    ++stage;
    check_stop();
    if (o.budget && r.simulations + N > o.budget) {
      // No simulations left for a move: carry the population to φ = 1 by weights alone.
      double inc = 0;
      r.weights = tempered_weights(log_w, r.log_likelihood, 1 - phi, &inc);
      r.log_evidence += inc;
      phi = 1;
      r.temperature = 1;
      r.reached_posterior = false;
      r.ess = effective_sample_size(r.weights);
      r.seconds = seconds();
      return r;
    }
    // The largest step that keeps ess_share of the members effective.
    const double target = o.ess_share * static_cast<double>(N);
    double step = 1 - phi;
    if (effective_sample_size(tempered_weights(log_w, r.log_likelihood, step)) < target) {
      double lo = 0, hi = step;
      for (int it = 0; it < 60; ++it) {
        const double mid = 0.5 * (lo + hi);
        (effective_sample_size(tempered_weights(log_w, r.log_likelihood, mid)) >= target ? lo : hi) = mid;
      }
      step = std::max(lo, 1e-12);
    }
    double inc = 0;
    const std::vector<double> w = tempered_weights(log_w, r.log_likelihood, step, &inc);
    r.log_evidence += inc;
    phi = std::min(1.0, phi + step);
    if (1 - phi < 1e-12) phi = 1;
    SmcStage st;
    st.stage = stage;
    st.temperature = phi;
    st.ess = effective_sample_size(w);

    // The proposals: the weighted population's mean and covariance of the simulated coordinates.
    Eigen::MatrixXd chol = Eigen::MatrixXd::Identity(static_cast<Eigen::Index>(S), static_cast<Eigen::Index>(S));
    const Eigen::VectorXd centre = weighted_mean(r.x, w, S);
    if (S) {
      Eigen::MatrixXd cov = proposal_covariance(r.x, w, centre);
      cov.diagonal().array() += 1e-10 + 1e-9 * cov.trace() / static_cast<double>(S);
      Eigen::LLT<Eigen::MatrixXd> llt(cov);
      if (llt.info() == Eigen::Success) chol = llt.matrixL();
      else chol = cov.diagonal().cwiseSqrt().asDiagonal();
    }
    // Cheap coordinates' proposal sd: their weighted spread.
    std::vector<double> cheap_sd(D, 0.0);
    for (std::size_t d = S; d < D; ++d) {
      double mean = 0, var = 0;
      for (std::size_t m = 0; m < N; ++m) mean += w[m] * r.x[m][d];
      for (std::size_t m = 0; m < N; ++m) var += w[m] * (r.x[m][d] - mean) * (r.x[m][d] - mean);
      cheap_sd[d] = std::max(std::sqrt(var), 1e-3);
    }

    // Resample: member i continues ancestor a[i] (its simulation copied through the proposal slot).
    {
      CounterRng rng(o.seed, RandomPurpose::kInference, static_cast<std::uint32_t>(stage), kResampleStream);
      const auto ancestors = systematic_resample(w, rng.next_unit());
      const auto x = r.x;
      const auto ll = r.log_likelihood;
      const auto seeds = r.run_seed;
      for (std::size_t i = 0; i < N; ++i) {
        r.x[i] = x[ancestors[i]];
        r.log_likelihood[i] = ll[ancestors[i]];
        r.run_seed[i] = seeds[ancestors[i]];
        model.copy_slot(ancestors[i], N + i);
      }
      for (std::size_t i = 0; i < N; ++i) model.swap_slots(i, N + i);
      std::fill(log_w.begin(), log_w.end(), 0.0);
    }

    const auto cheap_moves = [&](int move) {
      for (std::size_t m = 0; m < N; ++m) {
        CounterRng rng(o.seed, RandomPurpose::kInference, static_cast<std::uint32_t>(m), stage_move(stage, move) ^ kCheapStream);
        for (int c = 0; c < o.cheap_moves; ++c)
          for (std::size_t d = S; d < D; ++d) {
            std::vector<double> y = r.x[m];
            y[d] += cheap_sd[d] * standard_normal(rng);
            const double u = rng.next_unit();
            if (!within(priors[d], y[d])) continue;
            const double ll = model.log_likelihood(m, y);
            const double log_a = phi * (ll - r.log_likelihood[m]) + log_density_working(priors[d], y[d]) -
                                 log_density_working(priors[d], r.x[m][d]);
            if (std::log(std::max(u, 1e-300)) < log_a) {
              r.x[m] = std::move(y);
              r.log_likelihood[m] = ll;
            }
          }
      }
    };

    // log q(x) of the independent proposal, up to its constant: -|L⁻¹(x - centre)|² / 2.
    const auto log_independent = [&](const std::vector<double>& x) {
      Eigen::VectorXd v(static_cast<Eigen::Index>(S));
      for (std::size_t d = 0; d < S; ++d) v[static_cast<Eigen::Index>(d)] = x[d] - centre[static_cast<Eigen::Index>(d)];
      const double q = chol.triangularView<Eigen::Lower>().solve(v).squaredNorm();
      if (o.independent_dof <= 0) return -0.5 * q;
      // A multivariate t: heavier tails than the population, so that members reach its edges.
      const double nu = static_cast<double>(o.independent_dof);
      return -0.5 * (nu + static_cast<double>(S)) * std::log1p(q / nu);
    };

    // Move: simulated steps, independent proposals and random-walk ones in turn, until a member
    // has most likely moved at least once; at the posterior, until the budget is spent.
    std::size_t accepted_total = 0, proposed_total = 0, accepted_independent = 0, proposed_independent = 0;
    int moves = 0;
    const bool spend = o.spend_budget_at_posterior && o.budget > 0 && phi >= 1;
    const int most_moves = std::min(spend ? kMovesPerStage : o.max_moves, kMovesPerStage - 1);  // move + 1 seeds the run
    for (int move = 0; S && move < most_moves; ++move) {
      if (o.budget && r.simulations + N > o.budget) break;
      check_stop();
      const bool independent = o.independent_proposals && move % 2 == 0;
      std::vector<std::vector<double>> proposal(N);
      std::vector<double> uniform(N);
      std::vector<std::uint64_t> seeds(N);
      jobs.clear();
      for (std::size_t m = 0; m < N; ++m) {
        CounterRng rng(o.seed, RandomPurpose::kInference, static_cast<std::uint32_t>(m), stage_move(stage, move) ^ kMoveStream);
        Eigen::VectorXd z(static_cast<Eigen::Index>(S));
        for (std::size_t d = 0; d < S; ++d) z[static_cast<Eigen::Index>(d)] = standard_normal(rng);
        if (independent && o.independent_dof > 0) {
          double chi2 = 0;
          for (int k = 0; k < o.independent_dof; ++k) {
            const double g = standard_normal(rng);
            chi2 += g * g;
          }
          z *= std::sqrt(static_cast<double>(o.independent_dof) / std::max(chi2, 1e-300));
        }
        // Independent: a draw about the population's centre; random walk: a step from the member.
        const Eigen::VectorXd drawn = independent ? Eigen::VectorXd(centre + chol * z) : Eigen::VectorXd(scale * (chol * z));
        proposal[m] = r.x[m];
        for (std::size_t d = 0; d < S; ++d) {
          const double v = drawn[static_cast<Eigen::Index>(d)];
          proposal[m][d] = independent ? v : proposal[m][d] + v;
        }
        uniform[m] = rng.next_unit();
        seeds[m] = run_seed(o.seed, m, stage, move + 1);
      }
      for (std::size_t m = 0; m < N; ++m)
        if (std::isfinite(log_prior(priors, proposal[m]))) jobs.push_back({N + m, proposal[m], seeds[m]});
      model.simulate(jobs);
      r.simulations += jobs.size();
      std::size_t accepted = 0;
      for (const auto& job : jobs) {
        const std::size_t m = job.slot - N;
        const double ll = model.log_likelihood(job.slot, proposal[m]);
        r.unscored += std::isinf(ll) ? 1 : 0;
        double log_a = phi * (ll - r.log_likelihood[m]) + log_prior(priors, proposal[m]) - log_prior(priors, r.x[m]);
        if (independent) log_a += log_independent(r.x[m]) - log_independent(proposal[m]);
        if (std::log(std::max(uniform[m], 1e-300)) < log_a) {
          r.x[m] = proposal[m];
          r.log_likelihood[m] = ll;
          r.run_seed[m] = seeds[m];
          model.swap_slots(m, job.slot);
          ++accepted;
        }
      }
      ++moves;
      accepted_total += accepted;
      proposed_total += N;
      const double rate = static_cast<double>(accepted) / static_cast<double>(N);
      if (independent) {
        accepted_independent += accepted;
        proposed_independent += N;
      } else {
        scale *= std::exp(rate - kTargetAcceptance);  // wider when most are accepted, narrower when few
      }
      cheap_moves(move);
      if (!spend && static_cast<double>(moves) >= moves_needed(accepted_total, proposed_total, o.unmoved_chance)) break;
    }
    if (!S || moves == 0) cheap_moves(0);
    st.moves = moves;
    st.acceptance = proposed_total ? static_cast<double>(accepted_total) / static_cast<double>(proposed_total) : 0;
    st.independent_acceptance =
        proposed_independent ? static_cast<double>(accepted_independent) / static_cast<double>(proposed_independent) : 0;
    st.simulations = r.simulations;
    st.seconds = seconds();
    r.stages.push_back(st);
    save();
    if (progress) progress({&r.stages.back(), r.simulations, o.budget, st.seconds});
  }
  r.weights.assign(N, 1.0 / static_cast<double>(N));
  r.temperature = phi;
  r.reached_posterior = true;
  r.ess = static_cast<double>(N);
  r.seconds = seconds();
  return r;
}

}  // namespace exodus
