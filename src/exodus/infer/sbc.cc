#include "exodus/infer/sbc.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "exodus/core/random.h"
#include "exodus/core/random_streams.h"
#include "exodus/infer/estimate_model.h"
#include "exodus/observe/report_error.h"
#include "exodus/observe/report_weights.h"

namespace exodus {

double sbc_rank(double truth, std::span<const std::pair<double, double>> draws, CounterRng& rng, std::size_t members) {
  double below = 0, tied = 0;
  std::size_t counted = 0;
  for (const auto& [v, w] : draws) {
    if (w <= 0) continue;
    ++counted;
    if (v < truth) below += w;
    else if (v == truth) tied += w;
  }
  const double mass = below + rng.next_unit() * tied;
  const auto L = static_cast<double>(members > 0 ? members : counted);
  return std::clamp((L * mass + rng.next_unit()) / (L + 1), 0.0, 1.0);
}

double SbcQuantity::rank_chi_square() const {
  if (ranks.empty()) return 0;
  std::vector<double> bins(10, 0);
  for (double r : ranks) bins[std::min<std::size_t>(9, static_cast<std::size_t>(r * 10))] += 1;
  const double expected = static_cast<double>(ranks.size()) / 10.0;
  double chi = 0;
  for (double b : bins) chi += (b - expected) * (b - expected) / expected;
  return chi;
}

CoverageRange exact_coverage_range(int trials, double nominal, double level) {
  if (trials <= 0 || !(nominal > 0 && nominal < 1)) return {nominal, nominal};
  // The binomial's probabilities by the recurrence P(k) = P(k-1) (n-k+1)/k p/(1-p), from P(0)
  // on the log scale, so that large `trials` do not underflow.
  const double n = trials, tail = (1 - level) / 2;
  double log_p = n * std::log1p(-nominal), cdf = 0;
  CoverageRange r{-1, -1};
  for (int k = 0; k <= trials; ++k) {
    if (k > 0) log_p += std::log((n - k + 1) / k) + std::log(nominal) - std::log1p(-nominal);
    cdf += std::exp(log_p);
    if (r.low < 0 && cdf >= tail) r.low = k / n;
    if (r.high < 0 && cdf >= 1 - tail) r.high = k / n;
  }
  if (r.high < 0) r.high = 1;
  return r;
}

namespace {

// The design's point reports, plus weekly official entries of each named corridor.
ReportSet sbc_design(const ReportSet& design, const FlowLayout& layout, const SbcOptions& o) {
  ReportSet out{design.file + " (synthetic)", {}};
  for (const auto& r : design.reports) {
    if (r.kind == ReportKind::kLowerBound || r.kind == ReportKind::kDenial) continue;
    if (!weights_for(layout, r).used) continue;
    out.reports.push_back(r);
  }
  const Date shock = layout.start + layout.shock_day;
  for (const auto& c : layout.corridors) {
    if (!c.named) continue;
    for (int w = -o.weekly_series_before; w < o.weekly_series_weeks; ++w) {
      if (layout.shock_day + 7 * w < 0) continue;  // before the estimation period
      Report r;
      r.id = fmt::format("weekly_{}_{}", c.name, w + 1);
      r.metric = ReportMetric::kEntries;
      r.destinations = {c.name};
      r.window_start = shock + 7 * w;
      r.window_end = shock + (7 * w + 6);
      r.kind = ReportKind::kCount;
      r.reported_by = "official";
      out.reports.push_back(r);
    }
  }
  return out;
}

}  // namespace

SbcResult run_sbc(const ReportSet& design, const EstimateOptions& base, const SbcOptions& o,
                  const std::function<void(std::size_t)>& progress) {
  const auto started = std::chrono::steady_clock::now();
  SbcResult result;
  const FlowLayout layout = estimate_layout(design, base);
  ReportSet reports = sbc_design(design, layout, o);
  const EstimateModel prior_model(layout, reports, base.priors);
  const Eigen::MatrixXd precision = prior_model.prior_precision();
  const Eigen::LLT<Eigen::MatrixXd> chol(precision);
  const Eigen::VectorXd mean = prior_model.prior_mean();
  const auto n = static_cast<Eigen::Index>(prior_model.size());
  const std::size_t K = layout.corridor_count();
  const auto shock = static_cast<std::size_t>(layout.shock_day);

  // The totals checked: (corridor, days), K meaning all corridors.
  std::vector<std::pair<std::size_t, std::int32_t>> checked = {{K, 7}, {K, 30}, {K, 100}};
  for (std::size_t k = 0; k < K; ++k) checked.emplace_back(k, 30);
  std::vector<std::string> labels = {"departures, all corridors, first 7 days", "departures, all corridors, first 30 days",
                                     "departures, all corridors, first 100 days"};
  for (const auto& c : layout.corridors) labels.push_back(fmt::format("departures to {}, first 30 days", c.name));
  result.quantities.resize(labels.size());
  for (std::size_t q = 0; q < labels.size(); ++q) result.quantities[q].label = labels[q];

  for (std::size_t rep = 0; rep < o.replicates; ++rep) {
    if (progress) progress(rep);
    // A truth from the prior.
    CounterRng rng(o.seed, RandomPurpose::kInference, static_cast<std::uint32_t>(rep), inference_stream::kEstimateSbc);
    Eigen::VectorXd z(n);
    for (Eigen::Index i = 0; i < n; ++i) z(i) = standard_normal(rng);
    const Eigen::VectorXd truth = mean + chol.matrixU().solve(z);
    std::vector<std::vector<double>> departures;
    std::vector<double> ordinary;
    prior_model.flows(truth, departures, ordinary);
    // Reports rendered from it with the observation model.
    ReportSet synthetic = reports;
    for (std::size_t r = 0; r < synthetic.reports.size(); ++r) {
      auto& rp = synthetic.reports[r];
      const auto w = weights_for(layout, rp);
      const double e = expected_value(w, departures, ordinary);
      const int source = prior_model.source_of(r);
      const double bias = source >= 0 ? truth(static_cast<Eigen::Index>(prior_model.bias_index(static_cast<std::size_t>(source)))) : 0.0;
      const double sd = prior_model.log_sd(rp);
      rp.low.reset();
      rp.high.reset();
      // The figure is yet to be drawn, so the natural scale's size is the true value's; on the
      // log scale a vanishing flow is rendered as a tiny positive figure.
      rp.value = draw_figure(w.signed_metric ? e : std::max(e, 1e-6), bias, sd, !w.signed_metric, e,
                             base.priors.report_errors.student_nu, rng);
      if (w.signed_metric && rp.value <= 0) rp.value = 1;  // the reports format holds positive figures
    }
    EstimateOptions opt = base;
    opt.draws = o.draws;
    opt.seed = o.seed + rep;
    const auto fit = estimate_flows(synthetic, opt);
    if (!fit.ok()) {
      ++result.failed_fits;
      result.failures.push_back(fmt::format("replicate {}: {}", rep, fit.problem()));
      continue;
    }
    // True totals, against the fit's.
    const auto total = [&](std::size_t k, std::size_t days) {
      double s = 0;
      for (std::size_t t = shock; t < std::min(shock + days, departures[0].size()); ++t)
        if (k == K) for (std::size_t j = 0; j < K; ++j) s += departures[j][t];
        else s += departures[k][t];
      return s;
    };
    for (std::size_t q = 0; q < checked.size(); ++q) {
      const auto [k, days] = checked[q];
      const EstimateTotal* fitted = fit.total_of(k, days);
      if (!fitted) continue;  // a window too short for this total
      const double true_total = total(k, static_cast<std::size_t>(days));
      auto& s = result.quantities[q];
      const auto& i = fitted->interval;
      s.add_trial(true_total, i, fitted->rank_of(true_total));
    }
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace exodus
