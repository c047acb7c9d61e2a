#include "exodus/infer/estimate_model.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace exodus {

namespace {

constexpr double kFlowScale = 1000.0;  // persons a day per unit of a flow parameter
}  // namespace

namespace {
// Daily flows from parameters: S · softplus(θ). Nearly linear for large flows, so sums over
// days and corridors (what reports measure) stay nearly linear and the posterior nearly
// Gaussian; nearly exponential near zero, so small flows stay positive.
// Vectorised over many parameters v, given e = exp(-|v|) (which the slope σ(v) shares):
// softplus(v) = max(v, 0) + log1p(e).
template <typename Values>
Eigen::ArrayXd flows_of(const Values& v, const Eigen::ArrayXd& e) {
  // log1p(e) = log(u) · e / (u − 1) with u = 1 + e, exact to a few ulps (Goldberg 1991, "What
  // every computer scientist should know about floating-point arithmetic", ACM Comput. Surv.
  // 23(1), theorem 4): Eigen vectorises log, not log1p, for doubles.
  const Eigen::ArrayXd u = 1.0 + e;
  const Eigen::ArrayXd log1p_e = (u == 1.0).select(e, u.log() * e / (u - 1.0));
  return kFlowScale * (v.max(0.0) + log1p_e);
}
// Ordinary daily traffic is exp(o): its prior is log-normal, and splits of a known total
// across corridors stay close to Gaussian on that scale.
double ordinary_of(double o) { return std::exp(std::min(o, 700.0)); }

}  // namespace

EstimateModel::EstimateModel(FlowLayout layout, const ReportSet& reports, EstimatePriors priors)
    : layout_(std::move(layout)),
      reports_(reports.reports),
      priors_(priors),
      // Knots over the days with leavers (local day 0 is first_leaver_day()): the profile daily
      // in the surge, weekly after; the drift weekly.
      f_knots_(std::max(1, layout_.days - std::max(0, layout_.shock_day)), std::min(0, layout_.shock_day),
               std::max(1, priors.knot_step_days), std::min(0, layout_.shock_day),
               std::min(0, layout_.shock_day) + static_cast<std::int32_t>(priors.surge_days)),
      e_knots_(std::max(1, layout_.days - std::max(0, layout_.shock_day)), std::min(0, layout_.shock_day),
               std::max(1, priors.knot_step_days), 1, 0) {
  if (layout_.shock_day >= layout_.days)
    throw std::invalid_argument("the estimate window ends before the shock: there are no leavers to estimate");
  for (const auto& r : reports_) weights_.push_back(weights_for(layout_, r));
  for (const auto& r : reports_) {
    int source = -1;
    if (has_source_bias(r)) {
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
  F_ = f_knots_.size();
  E_ = e_knots_.size();
  n_ = F_ + K_ + K_ * E_ + K_ + S_;
  flow_n_ = K_ * T_ + K_ + S_;
  const auto first_day = static_cast<std::size_t>(first_leaver_day());
  windows_ = WindowSums(weights_, first_day, T_);
  for (std::size_t r = 0; r < weights_.size(); ++r) {
    const auto& w = weights_[r];
    std::vector<FlowTerm> terms;
    if (w.used)
      for (std::size_t k = 0; k < K_; ++k) {
        if (!windows_.holds(r))
          for (std::size_t t = first_day; t < T_; ++t)
            if (w.w[k][t] != 0) terms.push_back({static_cast<Eigen::Index>(x_index(k, t)), w.w[k][t]});
        if (w.c[k] != 0) terms.push_back({static_cast<Eigen::Index>(K_ * T_ + k), w.c[k]});
      }
    terms_.push_back(std::move(terms));
  }
  build_jacobian();
  compute_prior_mean();
}

void EstimateModel::build_jacobian() {
  std::vector<Eigen::Triplet<double>> entries;
  // Rows of days before the shock stay empty: no leavers then.
  for (std::size_t k = 0; k < K_; ++k)
    for (auto t = static_cast<std::size_t>(first_leaver_day()); t < T_; ++t) {
      const auto row = static_cast<int>(x_index(k, t));
      const auto day = static_cast<std::int32_t>(t) - first_leaver_day();
      const auto add = [&](std::size_t column, double weight) {
        if (weight != 0) entries.emplace_back(row, static_cast<int>(column), weight);
      };
      add(f_index(f_knots_.left(day)), 1.0 - f_knots_.weight(day));
      if (f_knots_.weight(day) > 0) add(f_index(f_knots_.left(day) + 1), f_knots_.weight(day));
      add(a_index(k), 1.0);
      add(e_index(k, e_knots_.left(day)), 1.0 - e_knots_.weight(day));
      if (e_knots_.weight(day) > 0) add(e_index(k, e_knots_.left(day) + 1), e_knots_.weight(day));
    }
  for (std::size_t i = 0; i < K_ + S_; ++i)
    entries.emplace_back(static_cast<int>(K_ * T_ + i), static_cast<int>(ordinary_index(0) + i), 1.0);
  jacobian_.resize(static_cast<Eigen::Index>(flow_n_), static_cast<Eigen::Index>(n_));
  jacobian_.setFromTriplets(entries.begin(), entries.end());
}

Eigen::VectorXd EstimateModel::flow_space(const Eigen::VectorXd& theta) const {
  Eigen::VectorXd y = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(flow_n_));
  const auto at = [&](std::size_t i) { return theta(static_cast<Eigen::Index>(i)); };
  // Two knots' interpolation; the right knot exists only where its weight is positive.
  const auto between = [&](std::size_t left, double w, auto index) {
    return w > 0 ? (1.0 - w) * at(index(left)) + w * at(index(left + 1)) : at(index(left));
  };
  for (auto t = static_cast<std::size_t>(first_leaver_day()); t < T_; ++t) {
    const auto day = static_cast<std::int32_t>(t) - first_leaver_day();
    const double profile = between(f_knots_.left(day), f_knots_.weight(day), [&](std::size_t j) { return f_index(j); });
    for (std::size_t k = 0; k < K_; ++k)
      y(static_cast<Eigen::Index>(x_index(k, t))) =
          profile + at(a_index(k)) +
          between(e_knots_.left(day), e_knots_.weight(day), [&](std::size_t j) { return e_index(k, j); });
  }
  for (std::size_t i = 0; i < K_ + S_; ++i) y(static_cast<Eigen::Index>(K_ * T_ + i)) = at(ordinary_index(0) + i);
  return y;
}

void EstimateModel::add_flow_space_gradient(const Eigen::VectorXd& gy, Eigen::VectorXd& grad) const {
  const auto add = [&](std::size_t i, double v) { grad(static_cast<Eigen::Index>(i)) += v; };
  const auto spread = [&](std::size_t left, double w, double g, auto index) {
    if (w > 0) {
      add(index(left), (1.0 - w) * g);
      add(index(left + 1), w * g);
    } else {
      add(index(left), g);
    }
  };
  for (auto t = static_cast<std::size_t>(first_leaver_day()); t < T_; ++t) {
    const auto day = static_cast<std::int32_t>(t) - first_leaver_day();
    double all = 0;  // the profile moves every corridor's flow of the day
    for (std::size_t k = 0; k < K_; ++k) {
      const double g = gy(static_cast<Eigen::Index>(x_index(k, t)));
      if (g == 0) continue;
      all += g;
      add(a_index(k), g);
      spread(e_knots_.left(day), e_knots_.weight(day), g, [&](std::size_t j) { return e_index(k, j); });
    }
    spread(f_knots_.left(day), f_knots_.weight(day), all, [&](std::size_t j) { return f_index(j); });
  }
  for (std::size_t i = 0; i < K_ + S_; ++i) add(ordinary_index(0) + i, gy(static_cast<Eigen::Index>(K_ * T_ + i)));
}

double EstimateModel::profile_daily_variance(std::int32_t day) const {
  const auto& p = priors_;
  const std::int32_t s = layout_.shock_day;
  const double sd = day > s && day - s <= p.surge_days ? p.surge_daily_sd : p.quiet_daily_sd;
  return sd * sd;
}

double EstimateModel::corridor_level_mean(std::size_t k) const {
  // Flows are 1000 · softplus(x): the x at which a corridor carries its capacity.
  const auto level = [](double capacity) {
    const double y = std::max(capacity, 1.0) / kFlowScale;
    return y > 30 ? y : std::log(std::expm1(y));
  };
  double sum = 0;
  int known = 0;
  for (const auto& c : layout_.corridors)
    if (c.capacity_per_day > 0) {
      sum += level(c.capacity_per_day);
      ++known;
    }
  const double capacity = layout_.corridors[k].capacity_per_day;
  return known > 0 && capacity > 0 ? level(capacity) - sum / known : 0.0;
}

double EstimateModel::log_sd(const Report& r) const { return exodus::log_sd(r, priors_.report_errors); }

Eigen::VectorXd EstimateModel::prior_mean() const { return prior_mean_; }

void EstimateModel::compute_prior_mean() {
  // The prior is Gaussian: its log density's gradient at 0 is P μ, P the precision.
  const auto n = static_cast<Eigen::Index>(n_);
  Eigen::VectorXd g = Eigen::VectorXd::Zero(n);
  Eigen::MatrixXd h = Eigen::MatrixXd::Zero(n, n);
  log_prior(Eigen::VectorXd::Zero(n), &g, &h);
  prior_mean_ = (-h).llt().solve(g);
}

Eigen::VectorXd EstimateModel::initial() const {
  Eigen::VectorXd theta = prior_mean();
  // Start the optimiser from a surge: most report sets speak of one.
  for (std::size_t j = 0; j < F_; ++j) theta(static_cast<Eigen::Index>(f_index(j))) += 5.0;
  return theta;
}

void EstimateModel::flows(const Eigen::VectorXd& theta, std::vector<std::vector<double>>& departures,
                          std::vector<double>& ordinary) const {
  const Eigen::VectorXd y = flow_space(theta);
  const auto x_rows = static_cast<Eigen::Index>(K_ * T_);
  const Eigen::ArrayXd f = flows_of(y.head(x_rows).array(), (-y.head(x_rows).array().abs()).exp());
  departures.assign(K_, std::vector<double>(T_));
  ordinary.assign(K_, 0);
  for (std::size_t k = 0; k < K_; ++k) {
    for (auto t = static_cast<std::size_t>(first_leaver_day()); t < T_; ++t)
      departures[k][t] = f(static_cast<Eigen::Index>(x_index(k, t)));
    ordinary[k] = ordinary_of(y(static_cast<Eigen::Index>(K_ * T_ + k)));
  }
}

std::vector<double> EstimateModel::expected_figures(const std::vector<std::vector<double>>& departures,
                                                    const std::vector<double>& ordinary) const {
  // The flow space's values laid out as the likelihood's (the sources' biases are no flows).
  Eigen::VectorXd f0 = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(flow_n_));
  for (std::size_t k = 0; k < K_; ++k) {
    for (std::size_t t = 0; t < T_; ++t) f0(static_cast<Eigen::Index>(x_index(k, t))) = departures[k][t];
    f0(static_cast<Eigen::Index>(K_ * T_ + k)) = ordinary[k];
  }
  WindowSums::Pass pass;
  windows_.begin(f0.data(), false, pass);
  std::vector<double> out(reports_.size(), 0.0);
  for (std::size_t r = 0; r < reports_.size(); ++r)
    if (weights_[r].used) out[r] = expected_figure(r, f0, pass);
  return out;
}

double EstimateModel::expected_figure(std::size_t report, const Eigen::VectorXd& f0, const WindowSums::Pass& pass) const {
  double E = windows_.sum(report, pass);
  for (const auto& t : terms_[report]) E += t.weight * f0(t.index);
  return E;
}

Eigen::MatrixXd EstimateModel::prior_precision() const {
  Eigen::MatrixXd h = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(n_), static_cast<Eigen::Index>(n_));
  log_prior(Eigen::VectorXd::Zero(static_cast<Eigen::Index>(n_)), nullptr, &h);
  return -h;
}

Eigen::MatrixXd EstimateModel::data_directions(const Eigen::VectorXd& theta) const {
  Eigen::MatrixXd out;
  log_likelihood(theta, nullptr, nullptr, Curvature::kFisher, &out);
  return out;
}

double EstimateModel::log_prior(const Eigen::VectorXd& theta, Eigen::VectorXd* grad, Eigen::MatrixXd* hessian) const {
  const auto& p = priors_;
  double lp = 0;
  // A Gaussian term -(Σ c_i θ_i - mean)² / (2 variance) over up to three parameters.
  struct Term {
    std::size_t index;
    double c;
  };
  const auto gaussian_of = [&](std::initializer_list<Term> terms, double mean, double variance) {
    double d = -mean;
    for (const auto& t : terms) d += t.c * theta(static_cast<Eigen::Index>(t.index));
    const double w = 1.0 / variance;
    lp -= 0.5 * d * d * w;
    for (const auto& t : terms) {
      const auto i = static_cast<Eigen::Index>(t.index);
      if (grad) (*grad)(i) -= t.c * d * w;
      if (hessian)
        for (const auto& u : terms) (*hessian)(i, static_cast<Eigen::Index>(u.index)) -= t.c * u.c * w;
    }
  };
  const auto gaussian = [&](std::size_t i, double mean, double variance) { gaussian_of({{i, 1.0}}, mean, variance); };
  // Walks on knots over the days with leavers: the first knot's prior (plus what the walk
  // gathered between the shock and the window's start, when the shock precedes it), then
  // increments whose variance sums the daily variances between knots. After the surge a walk
  // reverts to a target: each day keeps ρ of its distance from it,
  //     z[t+1] - target = ρ (z[t] - target) + ε[t],  ρ = 2^(-1 / half-life),
  // so that a flow that surged decays back (an AR(1) process, exact over any knot spacing:
  // the product of the ρ, and the daily variances carried through the later days' reversion).
  // The target is a constant plus, optionally, minus another parameter (see below).
  const std::int32_t offset = first_leaver_day();
  const double rho = p.post_surge_half_life_days > 0 ? std::exp2(-1.0 / p.post_surge_half_life_days) : 1.0;
  const auto reverting = [&](std::int32_t day) { return day > layout_.shock_day + p.surge_days; };
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  const auto walk = [&](const TimeKnots& knots, auto index, double first_mean, double first_variance, auto daily,
                        double target, std::size_t minus_target) {
    double v0 = first_variance;
    for (std::int32_t d = layout_.shock_day + 1; d <= offset; ++d) v0 += daily(d);
    gaussian(index(0), first_mean, v0);
    for (std::size_t j = 1; j < knots.size(); ++j) {
      double v = 0, c = 1;
      for (std::int32_t d = knots.knot_day(j); d > knots.knot_day(j - 1); --d) {
        v += c * c * daily(d + offset);
        if (reverting(d + offset)) c *= rho;
      }
      // z[j] - c z[j-1] - (1 - c)(target - θ[minus_target]) ~ N(0, v)
      if (minus_target == kNone || c == 1.0)
        gaussian_of({{index(j), 1.0}, {index(j - 1), -c}}, (1.0 - c) * target, v);
      else
        gaussian_of({{index(j), 1.0}, {index(j - 1), -c}, {minus_target, 1.0 - c}}, (1.0 - c) * target, v);
    }
  };
  // The shared profile reverts to a trickle of leavers; each corridor's drift reverts to
  // minus its level (a[k] + e[k] → 0), so that every corridor decays to the profile.
  walk(f_knots_, [&](std::size_t j) { return f_index(j); }, p.shock_level_mean, p.shock_level_sd * p.shock_level_sd,
       [&](std::int32_t d) { return profile_daily_variance(d); }, p.post_surge_level, kNone);
  const double drift = p.corridor_drift_sd * p.corridor_drift_sd;
  for (std::size_t k = 0; k < K_; ++k) {
    gaussian(a_index(k), corridor_level_mean(k), p.corridor_level_sd * p.corridor_level_sd);
    walk(e_knots_, [&](std::size_t j) { return e_index(k, j); }, 0.0, drift, [&](std::int32_t) { return drift; }, 0.0,
         a_index(k));
    const double known = layout_.corridors[k].ordinary_per_day;
    if (known > 0)
      gaussian(ordinary_index(k), std::log(known), p.known_ordinary_share * p.known_ordinary_share);
    else
      gaussian(ordinary_index(k), p.ordinary_log_mean, p.ordinary_log_sd * p.ordinary_log_sd);
  }
  for (std::size_t s = 0; s < S_; ++s)
    gaussian(bias_index(s), 0.0, p.report_errors.source_bias_sd * p.report_errors.source_bias_sd);
  return lp;
}

double EstimateModel::log_posterior(const Eigen::VectorXd& theta, Eigen::VectorXd* grad, Eigen::MatrixXd* hessian,
                                    Curvature curvature) const {
  const auto n = static_cast<Eigen::Index>(n_);
  if (grad) grad->setZero(n);
  if (hessian) hessian->setZero(n, n);
  return log_prior(theta, grad, hessian) + log_likelihood(theta, grad, hessian, curvature);
}

namespace {

// Each flow-space element's flow and its first two derivatives, once (reports share them).
struct FlowSlopes {
  Eigen::VectorXd f0, f1, f2;
};

// Over every corridor-day at once, vectorised (most are used; days before the shock hold 0),
// then the ordinary traffic's rows; the second derivatives only when a curvature is asked for:
// the sampler's gradients (most calls) need the first two columns alone.
FlowSlopes flow_slopes(const Eigen::VectorXd& y, Eigen::Index x_rows, Eigen::Index bias_row, std::size_t flow_n,
                       bool second) {
  FlowSlopes f{Eigen::VectorXd(static_cast<Eigen::Index>(flow_n)), Eigen::VectorXd(static_cast<Eigen::Index>(flow_n)),
               Eigen::VectorXd(static_cast<Eigen::Index>(flow_n))};
  const Eigen::ArrayXd e = (-y.head(x_rows).array().abs()).exp();
  f.f0.head(x_rows) = flows_of(y.head(x_rows).array(), e);
  const Eigen::ArrayXd inv = (1.0 + e).inverse();
  const Eigen::ArrayXd sigma = (y.head(x_rows).array() >= 0).select(inv, e * inv);
  f.f1.head(x_rows) = kFlowScale * sigma;
  if (second) f.f2.head(x_rows) = kFlowScale * sigma * (1.0 - sigma);
  for (Eigen::Index i = x_rows; i < bias_row; ++i) f.f0(i) = f.f1(i) = f.f2(i) = ordinary_of(y(i));
  return f;
}

// Visits each parameter a row of the Jacobian moves, with its entry times `value`.
template <typename Visit>
void for_each_in_row(const Eigen::SparseMatrix<double, Eigen::RowMajor>& jacobian, Eigen::Index row, double value,
                     Visit&& visit) {
  for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator it(jacobian, row); it; ++it)
    visit(it.col(), it.value() * value);
}

}  // namespace

// One used report's term, and what its curvature is computed from.
struct EstimateModel::ReportInLikelihood {
  const Report& rep;
  ReportTerm term;
  double E;              // its expected figure (floored above 0 on the log scale)
  double sd;
  bool log_scale;
  Eigen::Index bias_at;  // its source's bias in flow space; -1: none
  double gb;             // ∂u/∂bias
};

// Per report: u's gradient over the flow-space entries it touches, and their curvature.
struct EstimateModel::CurvatureScratch {
  std::vector<FlowTerm> terms;
  std::vector<double> dE, d2E;
  Eigen::VectorXd g_theta;  // ∂u/∂θ of one report (for curvature and directions)
};

void EstimateModel::curvature_terms(std::size_t report, const Eigen::VectorXd& f1, const Eigen::VectorXd& f2,
                                    CurvatureScratch& s) const {
  s.terms.clear();
  windows_.for_each_term(
      report, [&](std::size_t i, double weight) { s.terms.push_back({static_cast<Eigen::Index>(i), weight}); });
  s.terms.insert(s.terms.end(), terms_[report].begin(), terms_[report].end());
  s.dE.resize(s.terms.size());
  s.d2E.resize(s.terms.size());
  for (std::size_t a = 0; a < s.terms.size(); ++a) {
    s.dE[a] = s.terms[a].weight * f1(s.terms[a].index);
    s.d2E[a] = s.terms[a].weight * f2(s.terms[a].index);
  }
}

// A report's column of the data directions and its curvature in θ, Fisher or exact.
void EstimateModel::add_report_curvature(const ReportInLikelihood& q, CurvatureScratch& s, Curvature curvature,
                                         Eigen::MatrixXd* hessian, Eigen::MatrixXd* directions,
                                         Eigen::Index& column) const {
  const auto& p = priors_;
  // ∂u/∂θ = Jᵀ ∂u/∂y, over the few parameters this report moves.
  auto& g_theta = s.g_theta;
  g_theta.setZero(static_cast<Eigen::Index>(n_));
  const auto add = [&](Eigen::Index c, double v) { g_theta(c) += v; };
  for (std::size_t a = 0; a < s.terms.size(); ++a)
    for_each_in_row(jacobian_, s.terms[a].index, q.log_scale ? s.dE[a] / q.E : s.dE[a], add);
  if (q.bias_at >= 0) for_each_in_row(jacobian_, q.bias_at, q.gb, add);
  std::vector<Eigen::Index> touched;
  for (Eigen::Index i = 0; i < g_theta.size(); ++i)
    if (g_theta(i) != 0) touched.push_back(i);
  // Expected information: for Student-t (ν+1)/((ν+3) sd²) on u; for one-sided terms the
  // (always positive) -ℓ''. No second-derivative-of-u term: its expectation is zero.
  double info = -q.term.d2;
  if (q.term.point) {
    const double s2 = q.log_scale ? q.sd * q.sd : std::pow(q.sd * std::abs(q.rep.value) + 100.0, 2);
    info = (p.report_errors.student_nu + 1) / ((p.report_errors.student_nu + 3) * s2);
  }
  info = std::max(info, 0.0);
  if (directions) directions->col(column++) = std::sqrt(info) * g_theta;
  if (!hessian) return;
  auto& H = *hessian;
  if (curvature == Curvature::kFisher) {
    for (const auto i : touched)
      for (const auto j : touched) H(i, j) -= info * g_theta(i) * g_theta(j);
    return;
  }
  add_exact_curvature(q, s, touched, H);
}

// ∂²u/∂y_a² = E''_a/E − g_a² on the log scale (plus −g_a g_b across entries), E''_a on the
// natural scale.
void EstimateModel::add_exact_curvature(const ReportInLikelihood& q, const CurvatureScratch& s,
                                        const std::vector<Eigen::Index>& touched, Eigen::MatrixXd& H) const {
  const ReportTerm& term = q.term;
  const auto& g_theta = s.g_theta;
  const double cross = q.log_scale ? term.d2 - term.d1 : term.d2;
  for (const auto i : touched)
    for (const auto j : touched) H(i, j) += cross * g_theta(i) * g_theta(j);
  if (q.log_scale && q.bias_at >= 0) {
    // The bias enters u linearly: remove the −g g part the log-scale formula gave it.
    for_each_in_row(jacobian_, q.bias_at, 1.0, [&](Eigen::Index bi, double) {
      for (const auto j : touched)
        if (j != bi) {
          H(bi, j) += term.d1 * g_theta(bi) * g_theta(j);
          H(j, bi) += term.d1 * g_theta(bi) * g_theta(j);
        }
      H(bi, bi) += term.d1 * g_theta(bi) * g_theta(bi);
    });
  }
  for (std::size_t a = 0; a < s.terms.size(); ++a) {
    const double second = term.d1 * (q.log_scale ? s.d2E[a] / q.E : s.d2E[a]);
    for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator ia(jacobian_, s.terms[a].index); ia; ++ia)
      for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator ib(jacobian_, s.terms[a].index); ib; ++ib)
        H(ia.col(), ib.col()) += second * ia.value() * ib.value();
  }
}

double EstimateModel::log_likelihood(const Eigen::VectorXd& theta, Eigen::VectorXd* grad, Eigen::MatrixXd* hessian,
                                     Curvature curvature, Eigen::MatrixXd* directions) const {
  const auto& p = priors_;
  const Eigen::VectorXd y = flow_space(theta);
  const auto ordinary_row = static_cast<Eigen::Index>(K_ * T_);
  const auto bias_row = static_cast<Eigen::Index>(K_ * T_ + K_);
  Eigen::VectorXd gy;  // ∂ log lik / ∂y
  if (grad) gy.setZero(static_cast<Eigen::Index>(flow_n_));
  const bool curvature_wanted = hessian || directions;
  const FlowSlopes f = flow_slopes(y, ordinary_row, bias_row, flow_n_, curvature_wanted);
  if (directions) {
    const auto used = std::count_if(weights_.begin(), weights_.end(), [](const ReportWeights& w) { return w.used; });
    directions->setZero(static_cast<Eigen::Index>(n_), static_cast<Eigen::Index>(used));
  }
  Eigen::Index column = 0;
  WindowSums::Pass window_pass;
  windows_.begin(f.f0.data(), grad != nullptr, window_pass);
  CurvatureScratch scratch;
  double lp = 0;
  for (std::size_t r = 0; r < reports_.size(); ++r) {
    const auto& w = weights_[r];
    if (!w.used) continue;
    const auto& rep = reports_[r];
    double E = expected_figure(r, f.f0, window_pass);
    if (curvature_wanted) curvature_terms(r, f.f1, f.f2, scratch);
    const double sd = log_sd(rep);
    const int source = report_source_[r];
    const Eigen::Index bias_at = source >= 0 ? bias_row + source : -1;
    const double bias = source >= 0 ? y(bias_at) : 0.0;
    const bool log_scale = !w.signed_metric;
    if (log_scale && E <= 0) E = 1e-300;
    // u: log E (+ bias) on the log scale; E (+ bias · |figure|) on the natural one.
    const double u = log_scale ? std::log(E) + bias : E + bias * std::abs(rep.value);
    const ReportInLikelihood q{rep, report_term(rep, u, sd, log_scale, p.report_errors.student_nu), E, sd, log_scale,
                               bias_at, log_scale ? 1.0 : std::abs(rep.value)};
    lp += q.term.value;
    if (grad) {
      const double per_flow = log_scale ? q.term.d1 / E : q.term.d1;  // ∂ℓ/∂E
      windows_.add_slope(r, per_flow, window_pass);
      for (const auto& t : terms_[r]) gy(t.index) += per_flow * (t.weight * f.f1(t.index));
      if (bias_at >= 0) gy(bias_at) += q.term.d1 * q.gb;
    }
    if (curvature_wanted) add_report_curvature(q, scratch, curvature, hessian, directions, column);
  }
  if (grad) {
    windows_.add_gradient(f.f1.data(), gy.data(), window_pass);
    add_flow_space_gradient(gy, *grad);
  }
  return lp;
}

}  // namespace exodus
