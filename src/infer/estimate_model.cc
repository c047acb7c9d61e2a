#include "infer/estimate_model.h"

#include <algorithm>
#include <cmath>

namespace exodus {

namespace {

constexpr double kFlowScale = 1000.0;  // persons a day per unit of a flow parameter
constexpr double kSqrt2 = 1.41421356237309504880;

// log Φ(z) and its first two derivatives, stable in both tails.
struct LogPhi {
  double value, d1, d2;
};
LogPhi log_phi(double z) {
  LogPhi r{};
  if (z < -30) {
    // Asymptotic: log Φ(z) ≈ -z²/2 - log(-z) - log√(2π).
    r.value = -0.5 * z * z - std::log(-z) - 0.91893853320467274;
    r.d1 = -z - 1.0 / z;
  } else {
    const double cdf = 0.5 * std::erfc(-z / kSqrt2);
    const double pdf = std::exp(-0.5 * z * z) * 0.3989422804014327;
    r.value = std::log(cdf);
    r.d1 = pdf / cdf;
  }
  r.d2 = -r.d1 * (z + r.d1);
  return r;
}

// Student-t log density (without constants) of residual z = (y - u) / sd, as a function of u.
struct Term {
  double value = 0, d1 = 0, d2 = 0;  // derivatives with respect to u
};
Term student(double y, double u, double sd, double nu) {
  const double z = (y - u) / sd;
  const double q = nu + z * z;
  Term t;
  t.value = -0.5 * (nu + 1) * std::log(q / nu);
  // dℓ/dz = -(ν+1) z / q; dz/du = -1/sd.
  t.d1 = (nu + 1) * z / q / sd;
  t.d2 = -(nu + 1) * (nu - z * z) / (q * q) / (sd * sd);
  return t;
}
Term one_sided(double u_minus_bound_over_sd, double sd) {
  const auto p = log_phi(u_minus_bound_over_sd);
  return {p.value, p.d1 / sd, p.d2 / (sd * sd)};
}

}  // namespace

namespace {
// Daily flows from parameters: S · softplus(θ). Nearly linear for large flows, so sums over
// days and corridors (what reports measure) stay nearly linear and the posterior nearly
// Gaussian; nearly exponential near zero, so small flows stay positive.
double flow_of(double theta) { return kFlowScale * (theta > 30 ? theta : std::log1p(std::exp(theta))); }
double flow_slope(double theta) { return kFlowScale / (1.0 + std::exp(-theta)); }
double flow_curvature(double theta) {
  const double s = 1.0 / (1.0 + std::exp(-theta));
  return kFlowScale * s * (1 - s);
}
double flow_inverse(double flow) {
  const double y = flow / kFlowScale;
  return y > 30 ? y : std::log(std::expm1(std::max(y, 1e-12)));
}
}  // namespace

EstimateModel::EstimateModel(FlowLayout layout, const ReportSet& reports, EstimatePriors priors)
    : layout_(std::move(layout)), reports_(reports.reports), priors_(priors) {
  for (const auto& r : reports_) weights_.push_back(weights_for(layout_, r));
  for (const auto& r : reports_) {
    int source = -1;
    if (r.kind == ReportKind::kEstimate || r.kind == ReportKind::kClaim) {
      const std::string name = r.reported_by.empty() ? "unknown source" : r.reported_by;
      auto it = std::find(sources_.begin(), sources_.end(), name);
      if (it == sources_.end()) {
        sources_.push_back(name);
        it = sources_.end() - 1;
      }
      source = static_cast<int>(it - sources_.begin());
    }
    report_source_.push_back(source);
  }
  K_ = layout_.corridor_count();
  T_ = static_cast<std::size_t>(layout_.days);
  S_ = sources_.size();
  n_ = T_ + K_ + K_ * T_ + K_ + S_;
  flow_n_ = K_ * T_ + K_ + S_;
}

double EstimateModel::log_sd(const Report& r) const {
  double sd = priors_.count_sd;
  if (r.kind == ReportKind::kEstimate) sd = priors_.estimate_sd;
  if (r.kind == ReportKind::kClaim) sd = priors_.claim_sd;
  if (r.kind == ReportKind::kLowerBound) sd = priors_.bound_sd;
  if (r.kind == ReportKind::kDenial) sd = priors_.denial_sd;
  if (r.low && r.high) sd = std::max(sd, std::log(*r.high / *r.low) / 4.0);
  return sd;
}

Eigen::VectorXd EstimateModel::initial() const {
  Eigen::VectorXd theta = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(n_));
  for (std::size_t t = 0; t < T_; ++t)
    theta(static_cast<Eigen::Index>(f_index(t))) =
        priors_.pre_shock_mean + (static_cast<std::int32_t>(t) >= layout_.shock_day ? 5.0 : 0.0);
  for (std::size_t k = 0; k < K_; ++k) {
    const double known = layout_.corridors[k].ordinary_per_day;
    theta(static_cast<Eigen::Index>(ordinary_index(k))) = known > 0 ? flow_inverse(known) : priors_.ordinary_mean;
  }
  return theta;
}

Eigen::VectorXd EstimateModel::prior_mean() const {
  Eigen::VectorXd mean = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(n_));
  for (std::size_t t = 0; t < T_; ++t) mean(static_cast<Eigen::Index>(f_index(t))) = priors_.pre_shock_mean;
  for (std::size_t k = 0; k < K_; ++k) {
    const double known = layout_.corridors[k].ordinary_per_day;
    mean(static_cast<Eigen::Index>(ordinary_index(k))) = known > 0 ? flow_inverse(known) : priors_.ordinary_mean;
  }
  return mean;
}

Eigen::VectorXd EstimateModel::to_flow_space(const Eigen::VectorXd& theta) const {
  Eigen::VectorXd y(static_cast<Eigen::Index>(flow_n_));
  for (std::size_t k = 0; k < K_; ++k)
    for (std::size_t t = 0; t < T_; ++t)
      y(static_cast<Eigen::Index>(x_index(k, t))) = theta(static_cast<Eigen::Index>(f_index(t))) +
                                                     theta(static_cast<Eigen::Index>(a_index(k))) +
                                                     theta(static_cast<Eigen::Index>(e_index(k, t)));
  const auto tail = static_cast<Eigen::Index>(K_ + S_);
  y.tail(tail) = theta.tail(tail);
  return y;
}

void EstimateModel::flows(const Eigen::VectorXd& theta, std::vector<std::vector<double>>& departures,
                          std::vector<double>& ordinary) const {
  departures.assign(K_, std::vector<double>(T_));
  ordinary.assign(K_, 0);
  for (std::size_t k = 0; k < K_; ++k) {
    for (std::size_t t = 0; t < T_; ++t)
      departures[k][t] = flow_of(theta(static_cast<Eigen::Index>(f_index(t))) +
                                 theta(static_cast<Eigen::Index>(a_index(k))) +
                                 theta(static_cast<Eigen::Index>(e_index(k, t))));
    ordinary[k] = flow_of(theta(static_cast<Eigen::Index>(ordinary_index(k))));
  }
}

Eigen::VectorXd EstimateModel::pull_back(const Eigen::VectorXd& v) const {
  Eigen::VectorXd out = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(n_));
  for (std::size_t i = 0; i < flow_n_; ++i) {
    const double x = v(static_cast<Eigen::Index>(i));
    if (x == 0) continue;
    if (i < K_ * T_) {
      const std::size_t k = i / T_, t = i % T_;
      out(static_cast<Eigen::Index>(f_index(t))) += x;
      out(static_cast<Eigen::Index>(a_index(k))) += x;
      out(static_cast<Eigen::Index>(e_index(k, t))) += x;
    } else {
      out(static_cast<Eigen::Index>(i - K_ * T_ + T_ + K_ + K_ * T_)) += x;
    }
  }
  return out;
}

Eigen::MatrixXd EstimateModel::prior_precision() const {
  Eigen::MatrixXd h = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(n_), static_cast<Eigen::Index>(n_));
  log_prior(Eigen::VectorXd::Zero(static_cast<Eigen::Index>(n_)), nullptr, &h);
  return -h;
}

Eigen::MatrixXd EstimateModel::data_directions(const Eigen::VectorXd& theta) const {
  std::vector<Eigen::VectorXd> dirs;
  log_likelihood(to_flow_space(theta), nullptr, nullptr, Curvature::kFisher, &dirs);
  Eigen::MatrixXd out(static_cast<Eigen::Index>(n_), static_cast<Eigen::Index>(dirs.size()));
  for (std::size_t j = 0; j < dirs.size(); ++j) out.col(static_cast<Eigen::Index>(j)) = pull_back(dirs[j]);
  return out;
}

double EstimateModel::log_prior(const Eigen::VectorXd& theta, Eigen::VectorXd* grad, Eigen::MatrixXd* hessian) const {
  const auto& p = priors_;
  double lp = 0;
  const auto gaussian = [&](std::size_t i, long j, double mean, double sd) {
    // -(θi - θj - mean)² / (2 sd²); j < 0 means a prior on θi alone.
    const auto ii = static_cast<Eigen::Index>(i);
    const double d = theta(ii) - (j >= 0 ? theta(j) : 0.0) - mean;
    const double w = 1.0 / (sd * sd);
    lp -= 0.5 * d * d * w;
    if (grad) {
      (*grad)(ii) -= d * w;
      if (j >= 0) (*grad)(j) += d * w;
    }
    if (hessian) {
      (*hessian)(ii, ii) -= w;
      if (j >= 0) {
        (*hessian)(j, j) -= w;
        (*hessian)(ii, j) += w;
        (*hessian)(j, ii) += w;
      }
    }
  };
  const auto shock = static_cast<std::size_t>(std::max(0, layout_.shock_day));
  gaussian(f_index(0), -1, p.pre_shock_mean, p.pre_shock_sd);
  for (std::size_t t = 1; t < T_; ++t) {
    double sd = p.quiet_daily_sd;
    if (t == shock) sd = p.shock_jump_sd;
    else if (t > shock && static_cast<double>(t - shock) <= p.surge_days) sd = p.surge_daily_sd;
    gaussian(f_index(t), static_cast<long>(f_index(t - 1)), 0.0, sd);
  }
  for (std::size_t k = 0; k < K_; ++k) {
    gaussian(a_index(k), -1, 0.0, p.corridor_level_sd);
    gaussian(e_index(k, 0), -1, 0.0, p.corridor_drift_sd);
    for (std::size_t t = 1; t < T_; ++t)
      gaussian(e_index(k, t), static_cast<long>(e_index(k, t - 1)), 0.0, t == shock ? p.corridor_jump_sd : p.corridor_drift_sd);
    const double known = layout_.corridors[k].ordinary_per_day;
    if (known > 0) {
      // ±known_ordinary_share of the known level, on the parameter's scale.
      const double at = flow_inverse(known);
      gaussian(ordinary_index(k), -1, at, p.known_ordinary_share * known / flow_slope(at));
    } else {
      gaussian(ordinary_index(k), -1, p.ordinary_mean, p.ordinary_sd);
    }
  }
  for (std::size_t s = 0; s < S_; ++s) gaussian(bias_index(s), -1, 0.0, p.source_bias_sd);
  return lp;
}

double EstimateModel::log_posterior(const Eigen::VectorXd& theta, Eigen::VectorXd* grad, Eigen::MatrixXd* hessian,
                                    Curvature curvature) const {
  const auto n = static_cast<Eigen::Index>(n_);
  if (grad) grad->setZero(n);
  if (hessian) hessian->setZero(n, n);
  double lp = log_prior(theta, grad, hessian);
  const Eigen::VectorXd y = to_flow_space(theta);
  Eigen::VectorXd gy;
  Eigen::MatrixXd hy;
  lp += log_likelihood(y, grad ? &gy : nullptr, hessian ? &hy : nullptr, curvature);
  // Pull back through θ -> y: x[k][t] = f[t] + a[k] + e[k][t]; o and β map one to one.
  const auto to_theta = [&](std::size_t yi, auto&& visit) {
    if (yi < K_ * T_) {
      const std::size_t k = yi / T_, t = yi % T_;
      visit(f_index(t));
      visit(a_index(k));
      visit(e_index(k, t));
    } else {
      visit(yi - K_ * T_ + T_ + K_ + K_ * T_);
    }
  };
  if (grad)
    for (std::size_t i = 0; i < flow_n_; ++i) {
      const double g = gy(static_cast<Eigen::Index>(i));
      if (g != 0) to_theta(i, [&](std::size_t j) { (*grad)(static_cast<Eigen::Index>(j)) += g; });
    }
  if (hessian) {
    // H_θ += Jᵀ H_y J, visiting only the non-zero entries of H_y.
    for (std::size_t i = 0; i < flow_n_; ++i)
      for (std::size_t j = 0; j < flow_n_; ++j) {
        const double h = hy(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j));
        if (h == 0) continue;
        to_theta(i, [&](std::size_t a) {
          to_theta(j, [&](std::size_t b) { (*hessian)(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b)) += h; });
        });
      }
  }
  return lp;
}

double EstimateModel::log_likelihood(const Eigen::VectorXd& theta, Eigen::VectorXd* grad, Eigen::MatrixXd* hessian,
                                     Curvature curvature, std::vector<Eigen::VectorXd>* directions) const {
  const auto n = static_cast<Eigen::Index>(flow_n_);
  if (grad) grad->setZero(n);
  if (hessian) hessian->setZero(n, n);
  const auto& p = priors_;
  const std::size_t K = K_;
  const std::size_t T = T_;
  double lp = 0;
  // Observations.
  std::vector<Eigen::Index> idx;
  std::vector<double> dE;   // ∂E/∂θ over idx
  std::vector<double> d2E;  // ∂²E/∂θ² over idx (E is a sum of separate terms: no cross terms)
  for (std::size_t r = 0; r < reports_.size(); ++r) {
    const auto& w = weights_[r];
    if (!w.used) continue;
    const auto& rep = reports_[r];
    idx.clear();
    dE.clear();
    d2E.clear();
    double E = 0;
    for (std::size_t k = 0; k < K; ++k) {
      for (std::size_t t = 0; t < T; ++t) {
        if (w.w[k][t] == 0) continue;
        const auto i = static_cast<Eigen::Index>(x_index(k, t));
        E += w.w[k][t] * flow_of(theta(i));
        idx.push_back(i);
        dE.push_back(w.w[k][t] * flow_slope(theta(i)));
        d2E.push_back(w.w[k][t] * flow_curvature(theta(i)));
      }
      if (w.c[k] != 0) {
        const auto i = static_cast<Eigen::Index>(K * T + k);
        E += w.c[k] * flow_of(theta(i));
        idx.push_back(i);
        dE.push_back(w.c[k] * flow_slope(theta(i)));
        d2E.push_back(w.c[k] * flow_curvature(theta(i)));
      }
    }
    const double sd = log_sd(rep);
    const int source = report_source_[r];
    const double bias = source >= 0 ? theta(static_cast<Eigen::Index>(K * T + K + static_cast<std::size_t>(source))) : 0.0;
    Term term;
    bool point = false;  // a Student-t term (its Fisher information is known in closed form)
    bool log_scale = !w.signed_metric;
    if (log_scale && E <= 0) E = 1e-300;
    if (log_scale) {
      const double u = std::log(E) + bias;
      const double y = std::log(rep.value);
      switch (rep.kind) {
        case ReportKind::kCount: case ReportKind::kEstimate: case ReportKind::kClaim:
          term = student(y, u, sd, p.student_nu);
          point = true;
          break;
        case ReportKind::kLowerBound:  // the truth is at least y
          term = one_sided((u - y) / sd, sd);
          break;
        case ReportKind::kDenial: {  // the truth is below y
          term = one_sided((y - u) / sd, sd);
          term.d1 = -term.d1;
          break;
        }
      }
    } else {
      // Net arrivals: on the natural scale, with an error relative to the figure's size.
      const double scale = sd * std::abs(rep.value) + 100.0;
      switch (rep.kind) {
        case ReportKind::kLowerBound: term = one_sided((E - rep.value) / scale, scale); break;
        case ReportKind::kDenial:
          term = one_sided((rep.value - E) / scale, scale);
          term.d1 = -term.d1;
          break;
        default:
          term = student(rep.value, E + bias * std::abs(rep.value), scale, p.student_nu);
          point = true;
          break;
      }
    }
    lp += term.value;
    if (!grad && !hessian && !directions) continue;
    // Chain rule: u = log E (+ bias). g = ∂u/∂θ: dE/E on flows, 1 on the bias.
    const std::size_t m = idx.size();
    std::vector<double> g(m);
    for (std::size_t a = 0; a < m; ++a) g[a] = log_scale ? dE[a] / E : dE[a];
    if (grad) {
      for (std::size_t a = 0; a < m; ++a) (*grad)(idx[a]) += term.d1 * g[a];
      if (source >= 0) (*grad)(static_cast<Eigen::Index>(K * T + K + static_cast<std::size_t>(source))) +=
          term.d1 * (log_scale ? 1.0 : std::abs(rep.value));
    }
    // Expected information: for Student-t (ν+1)/((ν+3) sd²) on u; for one-sided terms the
    // (always positive) -ℓ''. No second-derivative-of-u term: its expectation is zero.
    double info = -term.d2;
    if (point) {
      const double s2 = log_scale ? sd * sd : std::pow(sd * std::abs(rep.value) + 100.0, 2);
      info = (p.student_nu + 1) / ((p.student_nu + 3) * s2);
    }
    info = std::max(info, 0.0);
    if (directions) {
      Eigen::VectorXd d = Eigen::VectorXd::Zero(n);
      const double root = std::sqrt(info);
      for (std::size_t a = 0; a < m; ++a) d(idx[a]) += root * g[a];
      if (source >= 0) d(static_cast<Eigen::Index>(K * T + K + static_cast<std::size_t>(source))) += root * (log_scale ? 1.0 : std::abs(rep.value));
      directions->push_back(std::move(d));
    }
    if (hessian && curvature == Curvature::kFisher) {
      auto& H = *hessian;
      const double gb = log_scale ? 1.0 : std::abs(rep.value);
      const auto bi = source >= 0 ? static_cast<Eigen::Index>(K * T + K + static_cast<std::size_t>(source)) : -1;
      for (std::size_t a = 0; a < m; ++a) {
        for (std::size_t b = 0; b < m; ++b) H(idx[a], idx[b]) -= info * g[a] * g[b];
        if (bi >= 0) {
          H(bi, idx[a]) -= info * gb * g[a];
          H(idx[a], bi) -= info * gb * g[a];
        }
      }
      if (bi >= 0) H(bi, bi) -= info * gb * gb;
    } else if (hessian) {
      auto& H = *hessian;
      // ∂²u/∂θa∂θb = δab E''_a/E - g_a g_b on the log scale; δab E''_a on the natural scale.
      // Clipped: keep only the parts that add precision (curvature d2 <= 0; the ∂²u part when
      // the figure pulls the model down, d1 < 0), so the matrix stays negative definite.
      Term used = term;
      if (curvature == Curvature::kClipped) {
        used.d2 = std::min(term.d2, 0.0);
        used.d1 = std::min(term.d1, 0.0);
      }
      const double cross = log_scale ? used.d2 - used.d1 : used.d2;
      for (std::size_t a = 0; a < m; ++a) {
        H(idx[a], idx[a]) += used.d1 * (log_scale ? d2E[a] / E : d2E[a]);
        for (std::size_t b = 0; b < m; ++b) H(idx[a], idx[b]) += cross * g[a] * g[b];
      }
      if (source >= 0) {
        const auto bi = static_cast<Eigen::Index>(K * T + K + static_cast<std::size_t>(source));
        const double gb = log_scale ? 1.0 : std::abs(rep.value);
        H(bi, bi) += used.d2 * gb * gb;
        for (std::size_t a = 0; a < m; ++a) {
          H(bi, idx[a]) += used.d2 * gb * g[a];
          H(idx[a], bi) += used.d2 * gb * g[a];
        }
      }
    }
  }
  return lp;
}

}  // namespace exodus
