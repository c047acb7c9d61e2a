#pragma once
// Stan's No-U-Turn sampler (stan::mcmc::adapt_diag_e_nuts, from Debian's r-cran-stanheaders)
// on a log density with an analytic gradient. The only translation unit that includes Stan.
#include <Eigen/Dense>
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace exodus {

struct NutsOptions {
  int chains = 4;
  int warmup = 400;
  int samples = 250;  // per chain
  int max_depth = 8;
  double target_accept = 0.8;
  double start_jitter = 0.5;  // each chain starts uniformly within ± this of its initial point
  int threads = 1;            // chains run this many at a time (the draws do not depend on it)
  std::uint64_t seed = 1;
  // When set and true, the chains stop at their next transition and run_nuts throws Interrupted.
  const std::atomic<bool>* stop = nullptr;
  // When set: (transitions done, transitions in all) over every chain, now and then. Called
  // from one thread at a time; it changes nothing in the draws.
  std::function<void(std::int64_t, std::int64_t)> progress;
};

struct NutsResult {
  Eigen::MatrixXd draws;  // one column per kept draw, chains one after another
  std::vector<Eigen::VectorXd> chain_ends;  // each chain's last draw (to continue from)
  int divergences = 0;
  double mean_tree_depth = 0;
  double seconds = 0;
};

// Samples v from exp(log_density(v)). The caller chooses a parametrisation in which the
// posterior is roughly standard (the sampler starts from a unit metric and adapts it).
// Chain c starts near inits[c % inits.size()]. log_density must be safe to call from
// several threads at once when options.threads > 1.
NutsResult run_nuts(const std::function<double(const Eigen::VectorXd&, Eigen::VectorXd*)>& log_density,
                    const std::vector<Eigen::VectorXd>& inits, const NutsOptions& options);

// Split R-hat and bulk effective sample size of one scalar over chains (Stan's own formulas).
double split_rhat(const std::vector<std::vector<double>>& chains);
double effective_sample_size(const std::vector<std::vector<double>>& chains);

}  // namespace exodus
