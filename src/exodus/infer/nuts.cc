// Stan is heavy to compile; keep every include of it in this file. Stan must come before any
// Eigen include: it extends Eigen's classes through plugin macros.
#include <stan/math.hpp>

#include <stan/analyze/mcmc/compute_effective_sample_size.hpp>
#include <stan/analyze/mcmc/compute_potential_scale_reduction.hpp>
#include <stan/callbacks/stream_logger.hpp>
#include <stan/mcmc/hmc/nuts/adapt_diag_e_nuts.hpp>

#include <boost/random/additive_combine.hpp>

#include <atomic>
#include <chrono>
#include <mutex>
#include <sstream>
#include <thread>

#include "exodus/infer/nuts.h"

#include "exodus/core/error.h"

namespace exodus {

namespace {

// The model interface Stan's samplers call: a log density templated on the scalar type. For
// autodiff variables the value and gradient come from our analytic code.
class DensityModel {
 public:
  DensityModel(const std::function<double(const Eigen::VectorXd&, Eigen::VectorXd*)>& f, std::size_t n)
      : f_(f), n_(n) {}
  std::size_t num_params_r() const { return n_; }

  template <bool propto, bool jacobian, typename T>
  T log_prob(Eigen::Matrix<T, Eigen::Dynamic, 1>& params, std::ostream*) const {
    if constexpr (std::is_same_v<T, double>) {
      return f_(params, nullptr);
    } else {
      Eigen::VectorXd x(params.size());
      for (Eigen::Index i = 0; i < params.size(); ++i) x(i) = stan::math::value_of(params(i));
      Eigen::VectorXd g;
      const double value = f_(x, &g);
      std::vector<stan::math::var> operands(params.data(), params.data() + params.size());
      std::vector<double> gradients(g.data(), g.data() + g.size());
      return stan::math::precomputed_gradients(value, operands, gradients);
    }
  }
  template <bool propto, bool jacobian, typename T>
  T log_prob(std::vector<T>& params, std::vector<int>&, std::ostream* msgs) const {
    Eigen::Matrix<T, Eigen::Dynamic, 1> v(static_cast<Eigen::Index>(params.size()));
    for (std::size_t i = 0; i < params.size(); ++i) v(static_cast<Eigen::Index>(i)) = params[i];
    return log_prob<propto, jacobian>(v, msgs);
  }

 private:
  const std::function<double(const Eigen::VectorXd&, Eigen::VectorXd*)>& f_;
  std::size_t n_;
};

}  // namespace

namespace {

struct ChainOutput {
  int divergences = 0;
  double depth_sum = 0;
};

// Counts transitions over all chains and tells the caller every so often.
class TransitionCounter {
 public:
  TransitionCounter(const NutsOptions& o)
      : report_(o.progress), total_(static_cast<std::int64_t>(o.chains) * (o.warmup + o.samples)) {}
  void step() {
    const std::int64_t done = done_.fetch_add(1, std::memory_order_relaxed) + 1;
    if (!report_ || (done % 25 != 0 && done != total_)) return;
    const std::lock_guard<std::mutex> lock(mutex_);
    report_(done, total_);
  }

 private:
  const std::function<void(std::int64_t, std::int64_t)>& report_;
  std::int64_t total_;
  std::atomic<std::int64_t> done_{0};
  std::mutex mutex_;
};

// One chain: warmup with step size and diagonal metric adaptation, then the kept draws into
// its own columns of `draws`. Stan's autodiff stack is thread-local; each chain owns one.
ChainOutput run_chain(const DensityModel& model, const Eigen::VectorXd& init, const NutsOptions& o, int c,
                      Eigen::MatrixXd& draws, TransitionCounter& counter) {
  stan::math::ChainableStack thread_stack;
  std::stringstream debug, info, warn, error, fatal;
  stan::callbacks::stream_logger logger(debug, info, warn, error, fatal);
  boost::ecuyer1988 rng(static_cast<std::uint32_t>(o.seed * 7919 + static_cast<std::uint64_t>(c) + 1));
  rng.discard(static_cast<std::uintmax_t>(c) * 1000);
  stan::mcmc::adapt_diag_e_nuts<DensityModel, boost::ecuyer1988> sampler(model, rng);
  sampler.set_max_depth(o.max_depth);
  sampler.set_nominal_stepsize(0.5);
  sampler.set_stepsize_jitter(0);
  sampler.get_stepsize_adaptation().set_mu(std::log(10 * 0.5));
  sampler.get_stepsize_adaptation().set_delta(o.target_accept);
  sampler.get_stepsize_adaptation().set_gamma(0.05);
  sampler.get_stepsize_adaptation().set_kappa(0.75);
  sampler.get_stepsize_adaptation().set_t0(10);
  sampler.set_window_params(static_cast<unsigned>(o.warmup), 75, 50, 25, logger);
  // Each chain starts from a different point near the given one.
  Eigen::VectorXd start = init;
  if (o.start_jitter > 0) {  // (boost's uniform distribution never returns on an empty range)
    boost::random::uniform_real_distribution<double> jitter(-o.start_jitter, o.start_jitter);
    for (Eigen::Index i = 0; i < start.size(); ++i) start(i) += jitter(rng);
  }
  stan::mcmc::sample s(start, 0, 0);
  sampler.z().q = start;
  sampler.init_stepsize(logger);
  sampler.engage_adaptation();
  const auto stopped = [&] { return o.stop && o.stop->load(std::memory_order_relaxed); };
  for (int i = 0; i < o.warmup && !stopped(); ++i) {
    s = sampler.transition(s, logger);
    counter.step();
  }
  sampler.disengage_adaptation();
  ChainOutput out;
  for (int i = 0; i < o.samples && !stopped(); ++i) {
    s = sampler.transition(s, logger);
    counter.step();
    draws.col(static_cast<Eigen::Index>(c) * o.samples + i) = s.cont_params();
    out.divergences += sampler.divergent_ ? 1 : 0;
    out.depth_sum += sampler.depth_;
  }
  return out;
}

}  // namespace

NutsResult run_nuts(const std::function<double(const Eigen::VectorXd&, Eigen::VectorXd*)>& log_density,
                    const std::vector<Eigen::VectorXd>& inits, const NutsOptions& o) {
  const auto started = std::chrono::steady_clock::now();
  const auto n = static_cast<std::size_t>(inits.front().size());
  const DensityModel model(log_density, n);
  NutsResult out;
  out.draws.resize(inits.front().size(), static_cast<Eigen::Index>(o.chains) * o.samples);
  std::vector<ChainOutput> chains(static_cast<std::size_t>(o.chains));
  TransitionCounter counter(o);
  const auto chain = [&](int c) {
    chains[static_cast<std::size_t>(c)] =
        run_chain(model, inits[static_cast<std::size_t>(c) % inits.size()], o, c, out.draws, counter);
  };
  // Chains are independent (each its own random stream and start), so running them on
  // threads changes nothing in the draws. Each thread takes the next chain not yet started,
  // so a thread whose chain ends early (shallower trees) starts another rather than waiting
  // for its batch.
  const int threads = std::max(1, std::min(o.threads, o.chains));
  std::atomic<int> next_chain{0};
  const auto worker = [&] {
    for (int c = next_chain.fetch_add(1); c < o.chains; c = next_chain.fetch_add(1)) chain(c);
  };
  std::vector<std::thread> running;
  for (int t = 1; t < threads; ++t) running.emplace_back(worker);
  worker();
  for (auto& t : running) t.join();
  if (o.stop && o.stop->load()) throw Interrupted();
  for (int c = 0; c < o.chains; ++c) out.chain_ends.push_back(out.draws.col(static_cast<Eigen::Index>(c + 1) * o.samples - 1));
  double depth_sum = 0;
  for (const auto& c : chains) {
    out.divergences += c.divergences;
    depth_sum += c.depth_sum;
  }
  out.mean_tree_depth = depth_sum / (static_cast<double>(o.chains) * o.samples);
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return out;
}

namespace {
std::vector<const double*> pointers(const std::vector<std::vector<double>>& chains, std::vector<std::size_t>& sizes) {
  std::vector<const double*> p;
  sizes.clear();
  for (const auto& c : chains) {
    p.push_back(c.data());
    sizes.push_back(c.size());
  }
  return p;
}
}  // namespace

double split_rhat(const std::vector<std::vector<double>>& chains) {
  std::vector<std::size_t> sizes;
  const auto p = pointers(chains, sizes);
  return stan::analyze::compute_split_potential_scale_reduction(p, sizes);
}

double effective_sample_size(const std::vector<std::vector<double>>& chains) {
  std::vector<std::size_t> sizes;
  const auto p = pointers(chains, sizes);
  return stan::analyze::compute_split_effective_sample_size(p, sizes);
}

}  // namespace exodus
