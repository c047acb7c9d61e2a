#include "infer/laplace.h"

#include <nlopt.hpp>

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/random.h"

namespace exodus {

namespace {

const char* result_name(nlopt::result r) {
  switch (r) {
    case nlopt::SUCCESS: return "success";
    case nlopt::STOPVAL_REACHED: return "stopval reached";
    case nlopt::FTOL_REACHED: return "ftol reached";
    case nlopt::XTOL_REACHED: return "xtol reached";
    case nlopt::MAXEVAL_REACHED: return "maximum evaluations reached";
    case nlopt::MAXTIME_REACHED: return "maximum time reached";
    default: return "stopped";
  }
}

// Standard normal draws from a counter-based stream (Box-Muller).
double normal(CounterRng& rng) {
  const double u1 = std::max(rng.next_unit(), 0x1p-33);
  const double u2 = rng.next_unit();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

}  // namespace

double weighted_quantile(std::vector<std::pair<double, double>> vw, double q) {
  std::sort(vw.begin(), vw.end());
  double acc = 0;
  for (const auto& [v, w] : vw) {
    acc += w;
    if (acc >= q) return v;
  }
  return vw.empty() ? 0.0 : vw.back().first;
}

LaplaceResult laplace_fit(const LogDensity& log_density, const Eigen::VectorXd& start,
                          const LaplaceOptions& options) {
  LaplaceResult out;
  auto& diag = out.diagnostics;
  const auto n = start.size();

  // 1. The mode, with NLopt's L-BFGS on the negative log density.
  std::vector<double> x(start.data(), start.data() + n);
  nlopt::opt opt(nlopt::LD_LBFGS, static_cast<unsigned>(n));
  int evaluations = 0;
  struct Ctx {
    const LogDensity* f;
    int* evaluations;
  } ctx{&log_density, &evaluations};
  opt.set_min_objective(
      [](const std::vector<double>& v, std::vector<double>& g, void* data) {
        auto* c = static_cast<Ctx*>(data);
        ++*c->evaluations;
        const Eigen::Map<const Eigen::VectorXd> theta(v.data(), static_cast<Eigen::Index>(v.size()));
        Eigen::VectorXd grad;
        const double lp = (*c->f)(theta, g.empty() ? nullptr : &grad, nullptr);
        if (!g.empty())
          for (std::size_t i = 0; i < g.size(); ++i) g[i] = -grad(static_cast<Eigen::Index>(i));
        return std::isfinite(lp) ? -lp : 1e300;
      },
      &ctx);
  opt.set_ftol_rel(1e-13);
  opt.set_xtol_rel(1e-10);
  opt.set_maxeval(options.max_evaluations);
  opt.set_vector_storage(20);
  double minimum = 0;
  try {
    diag.optimiser_result = result_name(opt.optimize(x, minimum));
  } catch (const nlopt::roundoff_limited&) {
    diag.optimiser_result = "roundoff limited";
  } catch (const std::exception& e) {
    diag.optimiser_result = std::string("failed: ") + e.what();
  }
  diag.optimiser_evaluations = evaluations;
  Eigen::VectorXd mode = Eigen::Map<Eigen::VectorXd>(x.data(), n);

  // 2. Newton polishing with the exact Hessian; also checks that the mode is a maximum.
  Eigen::VectorXd grad;
  Eigen::MatrixXd hessian;
  Eigen::LLT<Eigen::MatrixXd> llt;
  double lp_mode = log_density(mode, &grad, &hessian);
  for (int step = 0; step < 20; ++step) {
    llt.compute(-hessian);
    if (llt.info() != Eigen::Success) break;
    const Eigen::VectorXd delta = llt.solve(grad);
    double t = 1.0;
    bool improved = false;
    for (int halve = 0; halve < 30; ++halve, t *= 0.5) {
      const Eigen::VectorXd trial = mode + t * delta;
      const double lp = log_density(trial, nullptr, nullptr);
      if (std::isfinite(lp) && lp >= lp_mode - 1e-12) {
        mode = trial;
        improved = true;
        break;
      }
    }
    lp_mode = log_density(mode, &grad, &hessian);
    if (!improved || grad.lpNorm<Eigen::Infinity>() < 1e-9) break;
  }
  diag.gradient_norm = grad.lpNorm<Eigen::Infinity>();
  llt.compute(-hessian);
  diag.hessian_positive = llt.info() == Eigen::Success;
  out.mode = mode;
  if (!diag.hessian_positive) {
    diag.problem = "the Hessian at the mode is not negative definite: no Gaussian approximation";
    return out;
  }

  // 3. Draws from N(mode, (-H)^-1), reweighted by p / q.
  const auto m = static_cast<Eigen::Index>(options.draws);
  Eigen::MatrixXd z(n, m);
  for (Eigen::Index j = 0; j < m; ++j) {
    CounterRng rng(options.seed, RandomPurpose::kBench, static_cast<std::uint32_t>(j), 0x1a91ace);
    for (Eigen::Index i = 0; i < n; ++i) z(i, j) = normal(rng);
  }
  // -H = L Lᵀ; θ = mode + L⁻ᵀ z has covariance (L Lᵀ)⁻¹.
  out.draws = llt.matrixU().solve(z);
  std::vector<double> log_w(static_cast<std::size_t>(m));
  for (Eigen::Index j = 0; j < m; ++j) {
    out.draws.col(j) += mode;
    const double lp = log_density(out.draws.col(j), nullptr, nullptr);
    log_w[static_cast<std::size_t>(j)] = (std::isfinite(lp) ? lp - lp_mode : -1e300) + 0.5 * z.col(j).squaredNorm();
  }
  const double top = *std::max_element(log_w.begin(), log_w.end());
  double sum = 0, sum_sq = 0;
  out.weights.resize(log_w.size());
  for (std::size_t j = 0; j < log_w.size(); ++j) {
    out.weights[j] = std::exp(log_w[j] - top);
    sum += out.weights[j];
  }
  for (auto& w : out.weights) {
    w /= sum;
    sum_sq += w * w;
    diag.max_weight_share = std::max(diag.max_weight_share, w);
  }
  diag.ess = 1.0 / sum_sq;
  diag.ess_fraction = diag.ess / static_cast<double>(m);
  diag.ok = diag.ess_fraction >= options.min_ess_fraction && diag.gradient_norm < 1e-3;
  if (!diag.ok)
    diag.problem = diag.gradient_norm >= 1e-3
                       ? fmt::format("the optimiser did not reach the mode (gradient {:.2g})", diag.gradient_norm)
                       : fmt::format("the Gaussian approximation is poor: importance sampling keeps {:.1f}% "
                                     "effective draws (needs {:.0f}%)", 100 * diag.ess_fraction,
                                     100 * options.min_ess_fraction);
  return out;
}

}  // namespace exodus
