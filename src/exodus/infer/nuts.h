#pragma once
// Stan's No-U-Turn sampler (stan::mcmc::adapt_diag_e_nuts, from Debian's r-cran-stanheaders)
// on a log density with an analytic gradient. The only translation unit that includes Stan.
#include <Eigen/Dense>
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "exodus/infer/nuts_options.h"

namespace exodus {

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
