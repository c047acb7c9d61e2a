#include "exodus/infer/posterior_runs.h"

#include <algorithm>
#include <cmath>

#include "exodus/core/random.h"
#include "exodus/core/random_streams.h"
#include "exodus/observe/run_expectation.h"
#include "exodus/observe/run_likelihood.h"

namespace exodus {

namespace {

// Draws per member: enough that 64 members give smooth quantiles of a figure's error.
constexpr std::uint32_t kBandDraws = 8, kFigureDraws = 64;
using inference_stream::kPosteriorBand, inference_stream::kPosteriorFit, inference_stream::kPosteriorPredict,
    inference_stream::kPosteriorUnfitted, inference_stream::kPosteriorTotal;

// A stream tag per metric name (FNV-1a, 24 bits), so that each metric's draws are its own.
std::uint32_t metric_tag(const std::string& metric) {
  std::uint32_t h = 2166136261u;
  for (const char c : metric) h = (h ^ static_cast<std::uint8_t>(c)) * 16777619u;
  return h & 0xffffffu;
}

// The member's discrepancy sd for a metric: fitted, or drawn from the prior (one per member and
// metric name, so that every series of a metric shares it).
double discrepancy_of(const PosteriorRuns& runs, std::size_t member, const std::string& metric,
                      BandDiscrepancy* source = nullptr) {
  if (!runs.with_discrepancy) {
    if (source) *source = BandDiscrepancy::kNone;
    return 0;
  }
  for (std::size_t k = 0; k < runs.metrics.size(); ++k)
    if (runs.metrics[k] == metric) {
      if (source) *source = BandDiscrepancy::kFitted;
      return runs.members[member].discrepancy[k];
    }
  if (source) *source = BandDiscrepancy::kPrior;
  CounterRng rng(runs.seed, RandomPurpose::kInference, static_cast<std::uint32_t>(member), kPosteriorUnfitted ^ metric_tag(metric));
  return value_of(runs.unfitted_discrepancy, draw_working(runs.unfitted_discrepancy, rng));
}

bool signed_metric(const std::string& metric) { return metric == "net_arrivals"; }

std::vector<std::size_t> ran(const PosteriorRuns& runs) {
  std::vector<std::size_t> out;
  for (std::size_t m = 0; m < runs.members.size(); ++m)
    if (runs.members[m].series && runs.members[m].weight > 0) out.push_back(m);
  return out;
}

}  // namespace

const char* to_string(BandDiscrepancy d) {
  switch (d) {
    case BandDiscrepancy::kFitted: return "fitted";
    case BandDiscrepancy::kPrior: return "prior";
    case BandDiscrepancy::kNone: return "none";
  }
  return "?";
}

ForecastBands forecast_bands(const PosteriorRuns& runs) {
  ForecastBands out;
  const auto members = ran(runs);
  if (members.empty()) return out;
  const auto& first = runs.members[members[0]].series->series();
  out.bands.resize(first.size());
  out.discrepancy.resize(first.size());
  std::vector<std::pair<double, double>> vw;
  for (std::size_t s = 0; s < first.size(); ++s) {
    const std::string& metric = first[s].metric;
    const bool is_signed = signed_metric(metric);
    // The level error of this series in each member: one draw per member and draw index,
    // constant over days (the model is off by a factor, not by independent daily noise).
    std::vector<double> factor(members.size() * kBandDraws);
    for (std::size_t i = 0; i < members.size(); ++i) {
      const double sd = discrepancy_of(runs, members[i], metric, &out.discrepancy[s]);
      CounterRng rng(runs.seed, RandomPurpose::kInference, static_cast<std::uint32_t>(members[i]),
                     kPosteriorBand + static_cast<std::uint32_t>(s));
      for (std::uint32_t k = 0; k < kBandDraws; ++k) factor[i * kBandDraws + k] = sd * standard_normal(rng);
    }
    const std::size_t days = first[s].values.size();
    out.bands[s].resize(days);
    for (std::size_t t = 0; t < days; ++t) {
      vw.clear();
      for (std::size_t i = 0; i < members.size(); ++i) {
        const auto& m = runs.members[members[i]];
        const double v = m.series->series()[s].values[t];
        for (std::uint32_t k = 0; k < kBandDraws; ++k) {
          const double d = factor[i * kBandDraws + k];
          vw.emplace_back(is_signed ? v + d * std::abs(v) : v * std::exp(d), m.weight / kBandDraws);
        }
      }
      out.bands[s][t] = interval_of(vw, members.size());
    }
  }
  return out;
}

namespace {

// Weighted draws of the truth (with the discrepancy) and of the figure a report would give.
struct FigureDraws {
  bool ok = false;
  std::string why_not;
  std::vector<std::pair<double, double>> truth, figure;
  std::size_t members = 0;  // the members the draws are of
};

FigureDraws figure_draws(const PosteriorRuns& runs, const Report& r, std::size_t index, std::uint32_t stream) {
  FigureDraws out;
  const auto members = ran(runs);
  out.members = members.size();
  for (const std::size_t m : members) {
    const auto& member = runs.members[m];
    const RunExpectation e = expected_in_run(r, runs.places, runs.shock, *member.series);
    if (!e.ok) {
      out.why_not = e.why_not;
      return out;
    }
    const double sd = discrepancy_of(runs, m, to_string(r.metric));
    CounterRng rng(runs.seed, RandomPurpose::kInference, static_cast<std::uint32_t>(m), stream + static_cast<std::uint32_t>(index));
    for (std::uint32_t k = 0; k < kFigureDraws; ++k) {
      const double truth = draw_run_truth(r, e.value, sd, rng);
      out.truth.emplace_back(truth, member.weight / kFigureDraws);
      out.figure.emplace_back(draw_report_of_truth(r, truth, runs.errors, rng), member.weight / kFigureDraws);
    }
  }
  out.ok = !out.truth.empty();
  if (!out.ok && out.why_not.empty()) out.why_not = "no member of the population ran";
  return out;
}

}  // namespace

std::vector<ReportFit> fit_reports(const PosteriorRuns& runs, const std::vector<const Report*>& reports) {
  std::vector<ReportFit> out;
  for (std::size_t i = 0; i < reports.size(); ++i) {
    const Report& r = *reports[i];
    ReportFit f;
    f.report = i;
    FigureDraws d = figure_draws(runs, r, i, kPosteriorFit);
    f.used = d.ok;
    f.why_unused = d.why_not;
    if (d.ok) {
      const bool one_sided = r.kind == ReportKind::kLowerBound || r.kind == ReportKind::kDenial;
      double below = 0;
      for (const auto& [v, w] : one_sided ? d.truth : d.figure) below += (one_sided ? v >= r.value : v <= r.value) ? w : 0;
      // For a denial, the chance the truth is below its figure.
      if (r.kind == ReportKind::kDenial) below = 1 - below;
      f.tail = below;
      f.expected = interval_of(d.truth, d.members);
      f.predictive = one_sided ? f.expected : interval_of(d.figure, d.members);
      f.flagged = tail_is_flagged(r, f.tail);
    }
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<ReportPrediction> predict_reports(const PosteriorRuns& runs, const std::vector<const Report*>& reports) {
  std::vector<ReportPrediction> out;
  for (std::size_t i = 0; i < reports.size(); ++i) {
    ReportPrediction p;
    p.report = i;
    FigureDraws d = figure_draws(runs, *reports[i], i, kPosteriorPredict);
    p.predicted = d.ok;
    p.why_not = d.why_not;
    if (d.ok) p.predictive = interval_of(d.figure, d.members);
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<std::pair<double, double>> total_draws(const PosteriorRuns& runs, PlaceKind kind, std::size_t index,
                                                   const std::string& metric, std::size_t first, std::size_t last) {
  std::vector<std::pair<double, double>> vw;
  for (const std::size_t m : ran(runs)) {
    const auto& member = runs.members[m];
    const double total = member.series->sum(kind, index, metric, first, last);
    const double sd = discrepancy_of(runs, m, metric);
    CounterRng rng(runs.seed, RandomPurpose::kInference, static_cast<std::uint32_t>(m),
                   kPosteriorTotal ^ metric_tag(metric) ^ static_cast<std::uint32_t>((index << 12) + last));
    for (std::uint32_t k = 0; k < kFigureDraws; ++k) {
      const double d = sd * standard_normal(rng);
      vw.emplace_back(signed_metric(metric) ? total + d * std::abs(total) : total * std::exp(d), member.weight / kFigureDraws);
    }
  }
  return vw;
}

Interval total_interval(const PosteriorRuns& runs, PlaceKind kind, std::size_t index, const std::string& metric,
                        std::size_t first, std::size_t last) {
  auto vw = total_draws(runs, kind, index, metric, first, last);
  return interval_of(vw, members_ran(runs));
}

std::size_t members_ran(const PosteriorRuns& runs) { return ran(runs).size(); }

double member_discrepancy(const PosteriorRuns& runs, std::size_t member, const std::string& metric) {
  return discrepancy_of(runs, member, metric);
}

Interval value_interval(const ParameterPrior& p, const std::vector<double>& working, const std::vector<double>& weights) {
  std::vector<std::pair<double, double>> vw;
  for (std::size_t i = 0; i < working.size(); ++i) vw.emplace_back(value_of(p, working[i]), weights[i]);
  return interval_of(vw);
}

}  // namespace exodus
