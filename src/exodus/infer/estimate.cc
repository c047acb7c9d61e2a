#include "exodus/infer/estimate.h"
#include "exodus/infer/estimate_model.h"
#include "exodus/infer/laplace.h"
#include "exodus/infer/nuts.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <set>
#include <string_view>

#include <Eigen/SparseCholesky>

#include "exodus/core/digit_grouping.h"
#include "exodus/core/random.h"
#include "exodus/core/random_streams.h"
#include "exodus/infer/wide_directions.h"
#include "exodus/observe/report_error.h"
#include "exodus/observe/report_weights.h"
#include "exodus/world/places.h"

namespace exodus {

const char* to_string(FlowQuantity q) {
  switch (q) {
    case FlowQuantity::kDepartures: return "departures";
    case FlowQuantity::kEntries: return "entries";
    case FlowQuantity::kExits: return "exits";
    case FlowQuantity::kStock: return "stock";
  }
  return "?";
}

double EstimateTotal::rank_of(double x) const {
  if (sorted_draws.empty()) return 0.5;
  const auto below = std::lower_bound(sorted_draws.begin(), sorted_draws.end(), x) - sorted_draws.begin();
  return static_cast<double>(below) / static_cast<double>(sorted_draws.size());
}

namespace {
// What a scenario destination's open, counted crossings can take beyond their ordinary traffic,
// plus its flights' seats: the scenario's structure, which centres a corridor's level (the
// split across corridors). A road with no controls has no throughput to speak of: left out.
double leaver_capacity(const Scenario& s, std::size_t destination) {
  double capacity = 0;
  for (const auto& cp : s.checkpoints)
    if (cp.destination == destination && cp.open && cp.counted)
      capacity += std::max(0.0, cp.persons_per_day() - cp.baseline_per_day);
  for (const auto& f : s.flights)
    if (f.destination == destination) capacity += f.seats_per_day;
  return capacity;
}

// What the scenario knows of destination `d`'s corridor: how leavers move on and return, its
// ordinary traffic (its checkpoints' baselines and air arrivals) and its capacity for leavers.
void describe_corridor(const Scenario& s, std::size_t d, CorridorInfo& c) {
  const Destination& dest = s.destinations[d];
  c.onward_share = dest.onward_share;
  c.onward_days = dest.onward_days;
  c.return_share = dest.return_share;
  c.return_days = dest.return_days;
  double ordinary = dest.baseline_air_per_day;
  for (const auto& cp : s.checkpoints)
    if (cp.destination == d) ordinary += cp.baseline_per_day;
  c.ordinary_per_day = ordinary;
  c.capacity_per_day = leaver_capacity(s, d);
}
}  // namespace

void check_estimate_size(const ReportSet& reports, const std::string& file, const InputLimits& limits) {
  const auto count = static_cast<std::int64_t>(reports.reports.size());
  if (count > limits.max_reports)
    throw InputError({file, 0, ""}, fmt::format("holds {} reports; {}", grouped(count),
                                                limit_clause(limits.max_reports, "--max-reports")));
  // The estimate's corridors: every destination a report names, and "other".
  std::set<std::string_view> named;
  for (const auto& r : reports.reports)
    for (const auto& d : r.destinations)
      if (d != kAllPlaces) named.insert(d);
  const auto corridors = static_cast<std::int64_t>(named.size()) + 1;
  if (corridors > limits.max_corridors)
    throw InputError({file, 0, "destination"},
                     fmt::format("names {} destinations, so the estimate would fit {} corridors (with 'other'); its "
                                 "time grows as the cube of the corridors; {}",
                                 grouped(corridors - 1), grouped(corridors),
                                 limit_clause(limits.max_corridors, "--max-corridors")));
}

void check_estimate_window(const ReportSet& reports, const std::string& file, const EstimateOptions& options,
                           const InputLimits& limits) {
  if (options.start && options.end && *options.end < *options.start)
    throw InputError({"--end", 0, ""}, "is before --start");
  const auto layout = estimate_layout(reports, options);
  if (layout.shock_day >= layout.days)
    throw InputError({options.end ? "--end" : "--shock", 0, ""},
                     "the estimate window ends before the shock; leavers are counted from the shock on");
  if (layout.days > limits.max_days)
    throw InputError({options.start ? "--start" : file, 0, ""},
                     fmt::format("the estimate would span {} days; {}", grouped(layout.days),
                                 limit_clause(limits.max_days, "--max-days")));
  // Nothing to fit unless some report measures flows inside the window: say why each is out.
  {
    std::vector<std::string> reasons;
    bool any_used = false;
    for (const auto& r : reports.reports) {
      const ReportWeights w = weights_for(layout, r);
      any_used |= w.used;
      if (!w.used && reasons.size() < 5) reasons.push_back(fmt::format("{}: {}", r.id, w.why_unused));
    }
    if (!any_used)
      throw InputError({file, 0, ""},
                       fmt::format("no report measures flows in the estimate's window ({} to {}), so there is "
                                   "nothing to estimate from{}{}",
                                   layout.start.iso(), (layout.start + (layout.days - 1)).iso(),
                                   reasons.empty() ? "" : ": ", fmt::format("{}", fmt::join(reasons, "; "))));
  }
}

FlowLayout estimate_layout(const ReportSet& reports, const EstimateOptions& o) {
  FlowLayout layout;
  Date start = o.start.value_or(o.shock + (-14));
  Date end = o.end.value_or(o.shock + 99);
  for (const auto& r : reports.reports) {
    if (!o.start && r.window_start && *r.window_start < start) start = *r.window_start;
    if (!o.end && r.window_end > end) end = r.window_end;
  }
  layout.start = start;
  layout.days = end - start + 1;
  layout.shock_day = o.shock - start;
  // A corridor per destination the reports name; the scenario's destination of that name, when
  // it has one, describes it (world/places resolves the names).
  const std::optional<PlaceCatalog> places = o.scenario ? std::optional(catalog_of(*o.scenario)) : std::nullopt;
  std::vector<bool> named(o.scenario ? o.scenario->destinations.size() : 0, false);
  for (const auto& r : reports.reports)
    for (const auto& d : r.destinations) {
      if (d == kAllPlaces) continue;
      const bool known = std::any_of(layout.corridors.begin(), layout.corridors.end(),
                                     [&](const CorridorInfo& c) { return c.name == d; });
      if (known) continue;
      CorridorInfo c;
      c.name = d;
      if (places)
        if (const auto at = destination_named(*places, d)) {
          describe_corridor(*o.scenario, *at, c);
          named[*at] = true;
        }
      layout.corridors.push_back(c);
    }
  CorridorInfo other;
  other.name = "other";
  other.named = false;
  // "other" is every scenario destination no report names.
  for (std::size_t d = 0; d < named.size(); ++d)
    if (!named[d]) other.capacity_per_day += leaver_capacity(*o.scenario, d);
  layout.corridors.push_back(other);
  return layout;
}

namespace {

// Smallest precision kept along any direction of the Laplace approximation (a standard
// deviation of 1/sqrt(0.05) ≈ 4.5 on the log scale: wide enough for any unidentified split).
constexpr double kCurvatureFloor = 0.05;

// A short NUTS run (its own seed stream) whose draws show the wide directions; also where
// each of its chains ended, to start the run proper from.
WideDirections pilot_wide_directions(const std::function<double(const Eigen::VectorXd&, Eigen::VectorXd*)>& density,
                            Eigen::Index n, NutsOptions nuts, int warmup, int samples,
                            std::vector<Eigen::VectorXd>& ends) {
  nuts.warmup = warmup;
  nuts.samples = samples;
  nuts.seed = nuts.seed * 2 + 1;
  const NutsResult pilot = run_nuts(density, {Eigen::VectorXd::Zero(n)}, nuts);
  ends = pilot.chain_ends;
  return find_wide_directions(pilot.draws);
}

// The draws in θ, and the checks of the totals people read: R-hat and effective draws of all
// corridors at 7, 30 and 100 days and of each corridor at 30 days, per chain; divergences.
template <typename ToTheta>
Eigen::MatrixXd check_draws(const EstimateModel& model, const NutsResult& run, const NutsOptions& nuts,
                            const WideDirections& wide, const ToTheta& to_theta, SamplerDiagnostics& diag) {
  Eigen::MatrixXd draws(static_cast<Eigen::Index>(model.size()), run.draws.cols());
  for (Eigen::Index j = 0; j < run.draws.cols(); ++j) draws.col(j) = to_theta(wide.apply(run.draws.col(j)));
  diag.chains = nuts.chains;
  diag.draws = static_cast<int>(run.draws.cols());
  diag.divergences = run.divergences;
  diag.mean_tree_depth = run.mean_tree_depth;
  const auto& layout = model.layout();
  const std::size_t K = layout.corridor_count();
  const auto first = static_cast<std::size_t>(std::max(0, layout.shock_day));
  std::vector<std::vector<std::vector<double>>> series(K + 3, std::vector<std::vector<double>>(static_cast<std::size_t>(nuts.chains)));
  std::vector<std::vector<double>> departures;
  std::vector<double> ordinary;
  for (Eigen::Index j = 0; j < draws.cols(); ++j) {
    model.flows(draws.col(j), departures, ordinary);
    const auto chain = static_cast<std::size_t>(j / nuts.samples);
    double week = 0, month = 0, hundred = 0;
    for (std::size_t k = 0; k < K; ++k) {
      double corridor = 0;
      for (std::size_t t = first; t < std::min(first + 100, departures[k].size()); ++t) {
        if (t < first + 30) corridor += departures[k][t];
        if (t < first + 7) week += departures[k][t];
        hundred += departures[k][t];
      }
      month += corridor;
      series[k][chain].push_back(corridor);
    }
    series[K][chain].push_back(week);
    series[K + 1][chain].push_back(month);
    series[K + 2][chain].push_back(hundred);
  }
  diag.min_ess = 1e300;
  diag.max_rhat = 0;
  for (const auto& s : series) {
    diag.max_rhat = std::max(diag.max_rhat, split_rhat(s));
    diag.min_ess = std::min(diag.min_ess, effective_sample_size(s));
  }
  const double divergent_share = static_cast<double>(diag.divergences) / std::max(1, diag.draws);
  diag.ok = diag.max_rhat <= 1.05 && diag.min_ess >= 100 && divergent_share <= 0.01;
  diag.problem.clear();
  if (!diag.ok)
    diag.problem = fmt::format("the sampler did not converge: R-hat {:.3f} (limit 1.05), effective draws {:.0f} "
                               "(need 100), {} divergent transitions of {}",
                               diag.max_rhat, diag.min_ess, diag.divergences, diag.draws);
  return draws;
}

// NUTS on coordinates v in which the posterior is close to standard normal: the prior's
// Cholesky factor (sparse: random walks are banded) whitens the prior, and the Laplace
// curvature of the reports (low rank) is divided out along the directions they inform:
//   θ = mode + L⁻ᵀ (v − U (c ⊙ Uᵀ v)),  P = L Lᵀ,  L⁻¹ D = U S Vᵀ,  c = 1 − (1 + S²)^(-1/2).
// Each gradient then costs O(n · reports), not O(n²). A pilot run then stretches the
// directions of v the curvature made too narrow (v = M w), and the run proper samples w.
Eigen::MatrixXd sample_posterior(const EstimateModel& model, const Eigen::VectorXd& mode, const EstimateOptions& o,
                                 SamplerDiagnostics& diag) {
  const Eigen::SparseMatrix<double> prior = model.prior_precision().sparseView();
  const Eigen::SimplicialLLT<Eigen::SparseMatrix<double>, Eigen::Lower, Eigen::NaturalOrdering<int>> chol(prior);
  diag.used = true;
  if (chol.info() != Eigen::Success) {
    diag.problem = "the prior precision has no Cholesky factor";
    return {};
  }
  const Eigen::MatrixXd d = model.data_directions(mode);
  const Eigen::MatrixXd b = chol.matrixL().solve(d);
  // The thin SVD b = U S Vᵀ (b is n × reports: narrow) from the eigen-decomposition of the
  // small bᵀb = V S² Vᵀ, so U = b V S⁻¹. Directions whose shrinkage c = 1 − 1/√(1 + S²) is
  // under 1% are left out: the metric is then off by less than 1% along them, which the sampler
  // cannot tell from exact, and each direction kept costs two products of length n in every
  // gradient (a quarter to a third of a typical report set's directions shrink by less).
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> gram(b.transpose() * b);
  const Eigen::VectorXd s2 = gram.eigenvalues().cwiseMax(0.0);
  const double floor = std::max(1e-16, 1e-12 * (s2.size() > 0 ? s2.maxCoeff() : 0.0));
  std::vector<Eigen::Index> kept;
  constexpr double kLeastShrinkage = 0.01;
  for (Eigen::Index j = s2.size() - 1; j >= 0; --j)
    if (s2(j) > floor && 1.0 - 1.0 / std::sqrt(1.0 + s2(j)) >= kLeastShrinkage) kept.push_back(j);
  const auto r = static_cast<Eigen::Index>(kept.size());
  Eigen::MatrixXd u(b.rows(), r);
  Eigen::VectorXd c(r);
  for (Eigen::Index i = 0; i < r; ++i) {
    const Eigen::Index j = kept[static_cast<std::size_t>(i)];
    u.col(i) = b * gram.eigenvectors().col(j) / std::sqrt(s2(j));
    c(i) = 1.0 - 1.0 / std::sqrt(1.0 + s2(j));
  }
  const auto shrink = [&](const Eigen::VectorXd& v) -> Eigen::VectorXd {
    return v - u * c.cwiseProduct(u.transpose() * v);
  };
  // v → θ, and the gradient in θ → the gradient in v.
  const auto to_theta = [&](const Eigen::VectorXd& v) -> Eigen::VectorXd {
    const Eigen::VectorXd shrunk = shrink(v);
    Eigen::VectorXd theta = chol.matrixU().solve(shrunk);
    theta += mode;
    return theta;
  };
  const auto to_v_gradient = [&](const Eigen::VectorXd& g) -> Eigen::VectorXd {
    return shrink(chol.matrixL().solve(g));
  };
  NutsOptions nuts = o.nuts;
  nuts.seed = o.seed;
  const auto stage = [&](const char* name) {
    nuts.progress = nullptr;
    if (o.progress) nuts.progress = [&o, name](std::int64_t done, std::int64_t total) { o.progress(name, done, total); };
  };
  stage("pilot run");
  std::vector<Eigen::VectorXd> pilot_ends;
  // The log density in w, v = M w (M symmetric: it maps gradients back the same way).
  using Density = std::function<double(const Eigen::VectorXd&, Eigen::VectorXd*)>;
  const auto density_in = [&](const WideDirections& m) -> Density {
    return [&, m_ = &m](const Eigen::VectorXd& w, Eigen::VectorXd* g) {
      Eigen::VectorXd grad;
      const double lp = model.log_posterior(to_theta(m_->apply(w)), g ? &grad : nullptr);
      if (g) *g = m_->apply(to_v_gradient(grad));
      return std::isfinite(lp) ? lp : -1e300;
    };
  };
  // 1. A pilot run in v (M = I). Where the posterior is far from Gaussian (a corridor only an
  //    aggregate names can be anything from nothing to all of it), a few directions of v are
  //    much wider than the Laplace curvature says; the pilot's draws find them.
  const WideDirections none;
  const WideDirections wide = o.pilot_samples > 0
      ? pilot_wide_directions(density_in(none), static_cast<Eigen::Index>(mode.size()), nuts, o.pilot_warmup,
                              o.pilot_samples, pilot_ends)
      : WideDirections{};
  diag.wide_directions = static_cast<int>(wide.size());
  // 2. The run proper in w, M stretching those directions to their pilot width.
  const Density density = density_in(wide);
  stage("sampling");
  std::vector<Eigen::VectorXd> starts;
  for (const auto& v : pilot_ends) starts.push_back(wide.invert(v));
  if (starts.empty()) starts.push_back(Eigen::VectorXd::Zero(mode.size()));
  else nuts.start_jitter = 0;  // the pilot's chains already start apart
  // The run proper; when its checks fail, once more with chains twice as long, continuing
  // from where the first attempt's chains ended.
  Eigen::MatrixXd draws;
  double seconds = 0;
  for (int attempt = 0; attempt < 1 + o.retries; ++attempt) {
    if (attempt > 0) {
      diag.retried = true;
      stage("sampling again, twice as long");
      nuts.warmup *= 2;
      nuts.samples *= 2;
      nuts.seed += 1000003;
    }
    const NutsResult run = run_nuts(density, starts, nuts);
    seconds += run.seconds;
    draws = check_draws(model, run, nuts, wide, to_theta, diag);
    diag.seconds = seconds;
    if (diag.ok) break;
    starts = run.chain_ends;
  }
  return draws;
}

// What each held-back figure would say, draw by draw: the error of its kind and, for an
// estimate or a claim, its source's bias (the posterior's, when the source gave fitted figures
// too; else a draw from the bias prior). A bound or a denial says only on which side the truth
// lies, so its interval is the quantity's own, as in reports_fit.csv.
void predict_held_back(const EstimateOptions& o, const EstimateModel& model, const LaplaceResult& fit,
                       const std::vector<ReportWeights>& weights, const std::vector<std::vector<double>>& expected,
                       EstimateResult& result) {
  if (!o.predict) return;
  const auto M = static_cast<std::size_t>(fit.draws.cols());
  const auto& errors = o.priors.report_errors;
  std::vector<std::pair<double, double>> pred(M);
  for (std::size_t r = 0; r < o.predict->reports.size(); ++r) {
    const Report& rep = o.predict->reports[r];
    ReportPrediction p;
    p.report = r;
    p.predicted = weights[r].used;
    p.why_not = weights[r].why_unused;
    if (!p.predicted) {
      result.predictions.push_back(p);
      continue;
    }
    int source = -1;
    if (has_source_bias(rep))
      for (std::size_t s = 0; s < model.sources().size(); ++s)
        if (model.sources()[s] == rep.reported_by) source = static_cast<int>(s);
    const double sd = model.log_sd(rep);
    for (std::size_t j = 0; j < M; ++j) {
      CounterRng rng(o.seed, RandomPurpose::kInference, static_cast<std::uint32_t>(j),
                     inference_stream::kEstimatePredictive + static_cast<std::uint32_t>(r));
      double y = expected[r][j];
      if (rep.kind != ReportKind::kLowerBound && rep.kind != ReportKind::kDenial) {
        const double bias =
            source >= 0 ? fit.draws(static_cast<Eigen::Index>(model.bias_index(static_cast<std::size_t>(source))),
                                    static_cast<Eigen::Index>(j))
            : has_source_bias(rep) ? errors.source_bias_sd * standard_normal(rng)
                                   : 0.0;
        // The error's natural scale (net arrivals) from the quantity, not from the held-back figure.
        y = draw_figure(y, bias, sd, !weights[r].signed_metric, y, errors.student_nu, rng);
      }
      pred[j] = {y, fit.weights[j]};
    }
    p.predictive = interval_of(pred);
    result.predictions.push_back(p);
  }
}

// The density the Laplace fit climbs, split into prior and reports for its Newton steps.
SplitDensity estimate_density(const EstimateModel& model) {
  SplitDensity density;
  density.log_density = [&](const Eigen::VectorXd& th, Eigen::VectorXd* g) { return model.log_posterior(th, g); };
  density.prior_precision = model.prior_precision();
  density.data_directions = [&](const Eigen::VectorXd& th) { return model.data_directions(th); };
  density.precision = [&](const Eigen::VectorXd& th) {
    Eigen::MatrixXd h;
    model.log_posterior(th, nullptr, &h, EstimateModel::Curvature::kExact);
    Eigen::MatrixXd q = -h;
    if (q.llt().info() == Eigen::Success) return q;
    // Not log-concave at the mode (Student-t terms, sums of logs): keep the exact curvature
    // in every direction where it is positive and floor the rest.
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(q);
    const Eigen::VectorXd floored = eigen.eigenvalues().cwiseMax(kCurvatureFloor);
    return Eigen::MatrixXd(eigen.eigenvectors() * floored.asDiagonal() * eigen.eigenvectors().transpose());
  };
  return density;
}

// Per draw: the four quantities per corridor (and total) per day, as floats.
class DrawCells {
 public:
  DrawCells(std::size_t corridors, std::size_t days, std::size_t draws)
      : K(corridors), T(days), M(draws), per_draw_(kFlowQuantities * (K + 1) * T), cells_(per_draw_ * M) {}
  float& operator()(std::size_t j, int q, std::size_t k, std::size_t t) {
    return cells_[j * per_draw_ + (static_cast<std::size_t>(q) * (K + 1) + k) * T + t];
  }
  float operator()(std::size_t j, int q, std::size_t k, std::size_t t) const {
    return cells_[j * per_draw_ + (static_cast<std::size_t>(q) * (K + 1) + k) * T + t];
  }
  const std::size_t K, T, M;  // corridors, days, draws

 private:
  std::size_t per_draw_;
  std::vector<float> cells_;
};

// What the draws' flows give: their cells, and each report's expected figure per draw, those
// the estimate fits and those it holds back (with the held-back ones' weights on the layout).
struct DrawFlows {
  DrawCells cells;
  std::vector<std::vector<double>> expected;
  std::vector<ReportWeights> predict_weights;
  std::vector<std::vector<double>> predict_expected;
};

DrawFlows flows_of_draws(const ReportSet& reports, const EstimateOptions& o, const EstimateModel& model,
                         const FlowLayout& layout, const Eigen::MatrixXd& draws) {
  const std::size_t K = layout.corridor_count();
  const auto T = static_cast<std::size_t>(layout.days);
  const auto M = static_cast<std::size_t>(draws.cols());
  DrawFlows out{DrawCells(K, T, M), std::vector<std::vector<double>>(reports.reports.size(), std::vector<double>(M)),
                {}, {}};
  DrawCells& cell = out.cells;
  const std::size_t P = o.predict ? o.predict->reports.size() : 0;
  for (std::size_t r = 0; r < P; ++r) out.predict_weights.push_back(weights_for(layout, o.predict->reports[r]));
  out.predict_expected.assign(P, std::vector<double>(M));
  std::vector<std::vector<double>> departures;
  std::vector<double> ordinary;
  for (std::size_t j = 0; j < M; ++j) {
    model.flows(draws.col(static_cast<Eigen::Index>(j)), departures, ordinary);
    for (std::size_t k = 0; k < K; ++k) {
      const auto exits = exits_of(layout.corridors[k], departures[k]);
      double stock = 0;
      for (std::size_t t = 0; t < T; ++t) {
        stock += departures[k][t] - exits[t];
        const double values[kFlowQuantities] = {departures[k][t], departures[k][t] + ordinary[k],
                                                exits[t] + ordinary[k], stock};
        for (int q = 0; q < kFlowQuantities; ++q) {
          cell(j, q, k, t) = static_cast<float>(values[q]);
          cell(j, q, K, t) += static_cast<float>(values[q]);
        }
      }
    }
    const auto figures = model.expected_figures(departures, ordinary);
    for (std::size_t r = 0; r < reports.reports.size(); ++r)
      if (model.weights()[r].used) out.expected[r][j] = figures[r];
    for (std::size_t r = 0; r < P; ++r)
      if (out.predict_weights[r].used)
        out.predict_expected[r][j] = expected_value(out.predict_weights[r], departures, ordinary);
  }
  return out;
}

// Each quantity's interval per corridor (and total) per day.
void daily_intervals(const DrawCells& cell, const std::vector<double>& weights, EstimateResult& result) {
  const std::size_t K = cell.K, T = cell.T, M = cell.M;
  std::vector<std::pair<double, double>> vw(M);
  // A sampler's draws weigh alike: their cells' intervals by selection rather than a sort each.
  const bool equal_weights =
      M > 0 && std::all_of(weights.begin(), weights.end(), [&](double w) { return w == weights[0]; });
  std::vector<double> values(M);
  result.daily.assign(kFlowQuantities, std::vector<std::vector<Interval>>(K + 1, std::vector<Interval>(T)));
  for (int q = 0; q < kFlowQuantities; ++q)
    for (std::size_t k = 0; k <= K; ++k)
      for (std::size_t t = 0; t < T; ++t) {
        auto& interval = result.daily[static_cast<std::size_t>(q)][k][t];
        if (equal_weights) {
          for (std::size_t j = 0; j < M; ++j) values[j] = cell(j, q, k, t);
          interval = interval_of_equal_weights(values, weights[0]);
          continue;
        }
        for (std::size_t j = 0; j < M; ++j) vw[j] = {cell(j, q, k, t), weights[j]};
        interval = interval_of(vw);
      }
}

// Totals from the shock on: all corridors over 7, 14, 30 and 100 days, each corridor over 30;
// only spans the window holds whole (when the window ends sooner: up to its last day).
void departure_totals(const DrawCells& cell, const std::vector<double>& weights, const FlowLayout& layout,
                      EstimateResult& result) {
  const std::size_t K = cell.K, M = cell.M;
  std::vector<std::pair<double, double>> vw(M);
  const auto first = static_cast<std::size_t>(std::max(0, layout.shock_day));
  const auto window_days = static_cast<std::int32_t>(cell.T - first);
  const auto total_after = [&](std::size_t k, std::int32_t days, const std::string& label) {
    const std::size_t last = first + static_cast<std::size_t>(days) - 1;
    for (std::size_t j = 0; j < M; ++j) {
      double s = 0;
      for (std::size_t t = first; t <= last; ++t) s += cell(j, 0, k, t);
      vw[j] = {s, weights[j]};
    }
    EstimateTotal total;
    total.label = label;
    total.corridor = k;
    total.days = days;
    total.extrapolated_days =
        result.support.extrapolated_days(static_cast<std::int32_t>(first), static_cast<std::int32_t>(last));
    total.interval = interval_of(vw);
    for (const auto& [v, w] : vw) total.sorted_draws.push_back(v);
    result.totals.push_back(std::move(total));
  };
  // The shock falls inside the window when a layout exists (the model refuses the rest).
  bool whole = false;
  for (std::int32_t days : {7, 14, 30, 100})
    if (days <= window_days) {
      total_after(K, days, fmt::format("departures, all corridors, first {} days", days));
      whole = days == window_days;
    }
  if (!whole && window_days < 100)
    total_after(K, window_days, fmt::format("departures, all corridors, first {} days", window_days));
  const std::int32_t corridor_days = std::min(30, window_days);
  for (std::size_t k = 0; k < K; ++k)
    total_after(k, corridor_days, fmt::format("departures to {}, first {} days", layout.corridors[k].name, corridor_days));
}

// How each report fits: its modelled value, and what a report of its kind would say.
void fit_each_report(const ReportSet& reports, const EstimateOptions& o, const EstimateModel& model,
                     const LaplaceResult& fit, const std::vector<std::vector<double>>& expected,
                     EstimateResult& result) {
  const auto M = static_cast<std::size_t>(fit.draws.cols());
  std::vector<std::pair<double, double>> vw(M);
  for (std::size_t r = 0; r < reports.reports.size(); ++r) {
    const auto& rep = reports.reports[r];
    ReportFit f;
    f.report = r;
    f.used = model.weights()[r].used;
    f.why_unused = model.weights()[r].why_unused;
    if (!f.used) {
      result.fits.push_back(f);
      continue;
    }
    const double sd = model.log_sd(rep);
    const int source = model.source_of(r);
    std::vector<std::pair<double, double>> pred(M);
    double below = 0;
    for (std::size_t j = 0; j < M; ++j) {
      const double e = expected[r][j];
      vw[j] = {e, fit.weights[j]};
      const double bias = source >= 0 ? fit.draws(static_cast<Eigen::Index>(model.bias_index(static_cast<std::size_t>(source))),
                                                  static_cast<Eigen::Index>(j)) : 0.0;
      CounterRng rng(o.seed, RandomPurpose::kInference, static_cast<std::uint32_t>(j), inference_stream::kEstimateFitPredictive + static_cast<std::uint32_t>(r));
      // A bound or a denial says only on which side the truth lies: its predictive is the value.
      double y = e;
      if (rep.kind != ReportKind::kLowerBound && rep.kind != ReportKind::kDenial)
        y = draw_figure(e, bias, sd, !model.weights()[r].signed_metric, rep.value, o.priors.report_errors.student_nu, rng);
      pred[j] = {y, fit.weights[j]};
      if (y <= rep.value) below += fit.weights[j];
    }
    f.expected = interval_of(vw);
    f.predictive = interval_of(pred);
    // A lower bound: P(truth >= bound); a denial: P(truth <= stated ceiling); else P(figure <= reported).
    f.tail = rep.kind == ReportKind::kLowerBound ? 1.0 - below : below;
    f.flagged = tail_is_flagged(rep, f.tail);
    result.fits.push_back(f);
  }
}

}  // namespace

EstimateResult estimate_flows(const ReportSet& reports, const EstimateOptions& o) {
  const auto started = std::chrono::steady_clock::now();
  EstimateResult result;
  result.layout = estimate_layout(reports, o);
  const EstimateModel model(result.layout, reports, o.priors);
  result.sources = model.sources();
  result.support = report_support(result.layout, model.weights());
  result.priors = o.priors;
  result.laplace_only = !o.sample_with_nuts;
  LaplaceOptions lo;
  lo.draws = o.sample_with_nuts ? 0 : o.draws;  // NUTS replaces the Laplace draws
  lo.seed = o.seed;
  lo.stop = o.nuts.stop;
  if (o.progress) o.progress("finding the mode", 0, 0);
  auto fit = laplace_fit(estimate_density(model), model.initial(), lo);
  if (o.nuts.stop && o.nuts.stop->load()) throw Interrupted();
  result.diagnostics = fit.diagnostics;
  if (!fit.diagnostics.hessian_positive) return result;
  if (o.sample_with_nuts) {
    const auto draws = sample_posterior(model, fit.mode, o, result.sampler);
    if (!result.sampler.ok && draws.cols() == 0) return result;
    fit.draws = draws;
    fit.weights.assign(static_cast<std::size_t>(draws.cols()), 1.0 / static_cast<double>(draws.cols()));
  }

  const DrawFlows flows = flows_of_draws(reports, o, model, result.layout, fit.draws);
  daily_intervals(flows.cells, fit.weights, result);
  departure_totals(flows.cells, fit.weights, result.layout, result);
  fit_each_report(reports, o, model, fit, flows.expected, result);
  predict_held_back(o, model, fit, flows.predict_weights, flows.predict_expected, result);
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace exodus
