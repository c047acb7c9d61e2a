#include "exodus/infer/laplace.h"

#include <nlopt.hpp>

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "exodus/core/error.h"
#include "exodus/core/random.h"
#include "exodus/core/random_streams.h"

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

void throw_if_stopped(const LaplaceOptions& options) {
  if (options.stop && options.stop->load()) throw Interrupted();
}

// The log density, after a check of the stop flag: the polish and the checks all evaluate
// through it (the optimiser checks in its callback), so that a fit stops at its next evaluation.
double stoppable_log_density(const SplitDensity& density, const LaplaceOptions& options,
                             const Eigen::VectorXd& theta, Eigen::VectorXd* grad) {
  throw_if_stopped(options);
  return density.log_density(theta, grad);
}

// 1. The mode, with NLopt's L-BFGS on the negative log density.
Eigen::VectorXd lbfgs_mode(const SplitDensity& density, const Eigen::VectorXd& start, const LaplaceOptions& options,
                           LaplaceDiagnostics& diag) {
  const auto n = start.size();
  std::vector<double> x(start.data(), start.data() + n);
  nlopt::opt opt(nlopt::LD_LBFGS, static_cast<unsigned>(n));
  int evaluations = 0;
  struct Ctx {
    const std::function<double(const Eigen::VectorXd&, Eigen::VectorXd*)>* f;
    int* evaluations;
    const std::atomic<bool>* stop;
  } ctx{&density.log_density, &evaluations, options.stop};
  opt.set_min_objective(
      [](const std::vector<double>& v, std::vector<double>& g, void* data) {
        auto* c = static_cast<Ctx*>(data);
        // NLopt's own way out of a callback: optimize() throws forced_stop.
        if (c->stop && c->stop->load()) throw nlopt::forced_stop();
        ++*c->evaluations;
        const Eigen::Map<const Eigen::VectorXd> theta(v.data(), static_cast<Eigen::Index>(v.size()));
        Eigen::VectorXd grad;
        const double lp = (*c->f)(theta, g.empty() ? nullptr : &grad);
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
  } catch (const nlopt::forced_stop&) {
    throw Interrupted();
  } catch (const nlopt::roundoff_limited&) {
    diag.optimiser_result = "roundoff limited";
  } catch (const std::exception& e) {
    diag.optimiser_result = std::string("failed: ") + e.what();
  }
  diag.optimiser_evaluations = evaluations;
  return Eigen::Map<Eigen::VectorXd>(x.data(), n);
}

// 2. Fisher-scoring polish: Q = P + D Dᵀ is positive definite everywhere. Moves the mode,
// leaves the gradient at it in `grad` and returns the log density there.
double polish_mode(const SplitDensity& density, const LaplaceOptions& options, Eigen::VectorXd& mode,
                   Eigen::VectorXd& grad) {
  double lp_mode = stoppable_log_density(density, options, mode, &grad);
  for (int step = 0; step < 30 && grad.lpNorm<Eigen::Infinity>() > 1e-9; ++step) {
    const Eigen::MatrixXd d = density.data_directions(mode);
    const Eigen::MatrixXd q = density.prior_precision + d * d.transpose();
    const Eigen::VectorXd delta = q.llt().solve(grad);
    double t = 1.0;
    bool improved = false;
    for (int halve = 0; halve < 40; ++halve, t *= 0.5) {
      const Eigen::VectorXd trial = mode + t * delta;
      const double lp = stoppable_log_density(density, options, trial, nullptr);
      if (std::isfinite(lp) && lp > lp_mode) {
        mode = trial;
        improved = true;
        break;
      }
    }
    lp_mode = stoppable_log_density(density, options, mode, &grad);
    if (!improved) break;
  }
  return lp_mode;
}

// 4a. Along each data direction: log p at ±1 sd against the Gaussian's -1/2.
void check_data_directions(const SplitDensity& density, const LaplaceOptions& options,
                           const Eigen::LLT<Eigen::MatrixXd>& chol, const Eigen::VectorXd& mode, double lp_mode,
                           LaplaceDiagnostics& diag) {
  const Eigen::MatrixXd d = density.data_directions(mode);
  diag.data_dimensions = static_cast<int>(d.cols());
  for (Eigen::Index c = 0; c < d.cols(); ++c) {
    // The direction in θ that moves this report's predictor: Q⁻¹ d, scaled to 1 sd.
    Eigen::VectorXd v = chol.solve(d.col(c));
    const double sd2 = d.col(c).dot(v);
    if (!(sd2 > 0)) continue;
    v /= std::sqrt(sd2);
    for (double sign : {-1.0, 1.0}) {
      const double lp = stoppable_log_density(density, options, mode + sign * v, nullptr);
      const double gap = std::abs((lp - lp_mode) + 0.5);
      diag.worst_gap = std::max(diag.worst_gap, std::isfinite(gap) ? gap : 1e9);
    }
  }
}

// Draws of the Gaussian at the mode (none when the caller samples the posterior another way,
// e.g. with NUTS), and, for information, their importance weights against the posterior (4b).
void laplace_draws(const SplitDensity& density, const LaplaceOptions& options, const Eigen::LLT<Eigen::MatrixXd>& chol,
                   double lp_mode, LaplaceResult& out) {
  auto& diag = out.diagnostics;
  const auto n = out.mode.size();
  const auto m = static_cast<Eigen::Index>(options.draws);
  if (m <= 0) return;
  Eigen::MatrixXd z(n, m);
  for (Eigen::Index j = 0; j < m; ++j) {
    CounterRng rng(options.seed, RandomPurpose::kInference, static_cast<std::uint32_t>(j), inference_stream::kLaplaceDraw);
    for (Eigen::Index i = 0; i < n; ++i) z(i, j) = standard_normal(rng);
  }
  // Q = L Lᵀ; θ = mode + L⁻ᵀ z has covariance Q⁻¹.
  out.draws = chol.matrixU().solve(z);
  out.draws.colwise() += out.mode;
  out.weights.assign(static_cast<std::size_t>(m), 1.0 / static_cast<double>(m));
  std::vector<double> log_w(static_cast<std::size_t>(m));
  for (Eigen::Index j = 0; j < m; ++j) {
    const double lp = stoppable_log_density(density, options, out.draws.col(j), nullptr);
    log_w[static_cast<std::size_t>(j)] = (std::isfinite(lp) ? lp - lp_mode : -1e300) + 0.5 * z.col(j).squaredNorm();
  }
  const double top = *std::max_element(log_w.begin(), log_w.end());
  double sum = 0, sum_sq = 0;
  for (const double lw : log_w) {
    const double w = std::exp(lw - top);
    sum += w;
    sum_sq += w * w;
    diag.max_weight_share = std::max(diag.max_weight_share, w);
  }
  diag.max_weight_share /= sum;
  diag.ess = sum * sum / sum_sq;
  diag.ess_fraction = diag.ess / static_cast<double>(m);
}

// The verdict of the checks: the mode reached, and the Gaussian close along every data direction.
void judge_laplace(const LaplaceOptions& options, LaplaceDiagnostics& diag) {
  diag.ok = diag.gradient_norm < 1e-3 && diag.worst_gap <= options.max_log_density_gap;
  if (diag.gradient_norm >= 1e-3)
    diag.problem = fmt::format("the optimiser did not reach the mode (gradient {:.2g})", diag.gradient_norm);
  else if (!diag.ok)
    diag.problem = fmt::format("the posterior is far from Gaussian along a report's direction (log density off "
                               "by {:.2f} nats at one standard deviation; limit {:.2f})",
                               diag.worst_gap, options.max_log_density_gap);
}

}  // namespace

LaplaceResult laplace_fit(const SplitDensity& density, const Eigen::VectorXd& start,
                          const LaplaceOptions& options) {
  LaplaceResult out;
  auto& diag = out.diagnostics;
  Eigen::VectorXd mode = lbfgs_mode(density, start, options, diag);

  Eigen::LLT<Eigen::MatrixXd> prior(density.prior_precision);
  diag.hessian_positive = prior.info() == Eigen::Success;
  if (!diag.hessian_positive) {
    diag.problem = "the prior precision is not positive definite";
    return out;
  }

  Eigen::VectorXd grad;
  const double lp_mode = polish_mode(density, options, mode, grad);
  diag.gradient_norm = grad.lpNorm<Eigen::Infinity>();
  out.mode = mode;

  // 3. The Gaussian at the mode.
  throw_if_stopped(options);
  const Eigen::MatrixXd q = density.precision(mode);
  throw_if_stopped(options);
  Eigen::LLT<Eigen::MatrixXd> chol(q);
  if (chol.info() != Eigen::Success) {
    diag.hessian_positive = false;
    diag.problem = "the precision at the mode is not positive definite";
    return out;
  }
  check_data_directions(density, options, chol, mode, lp_mode, diag);
  laplace_draws(density, options, chol, lp_mode, out);
  judge_laplace(options, diag);
  return out;
}

}  // namespace exodus
