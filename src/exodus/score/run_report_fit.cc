#include "exodus/score/run_report_fit.h"

#include <algorithm>
#include <cmath>

#include "exodus/core/random.h"
#include "exodus/core/random_streams.h"
#include "exodus/observe/run_expectation.h"
#include "exodus/world/places.h"

namespace exodus {

namespace {

constexpr std::size_t kDraws = 4000;  // figures drawn per report: tails to about ±0.8%
using inference_stream::kRunFit;

double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

void fit_one(const Report& r, std::size_t index, const ReportErrors& e, RunReportFit& f) {
  const double sim = f.simulated;
  const double sd = log_sd(r, e);
  // Net arrivals may be negative: they are compared on the natural scale.
  const bool log_scale = r.metric != ReportMetric::kNetArrivals;
  if (r.kind == ReportKind::kLowerBound || r.kind == ReportKind::kDenial) {
    // One-sided, with the soft edge of the likelihood: Φ(distance past the figure / sd).
    double z = 0;
    if (log_scale) z = sim > 0 ? (std::log(sim) - std::log(r.value)) / sd : -INFINITY;
    else z = (sim - r.value) / natural_scale(sd, r.value);
    f.tail_probability = r.kind == ReportKind::kLowerBound ? normal_cdf(z) : normal_cdf(-z);
    f.predictive = {sim, sim, sim, sim, sim};
    f.fits = !tail_is_flagged(r, f.tail_probability);
    return;
  }
  // Figures a source of this kind would publish of the run's value: its error and, for
  // estimates and claims, a bias drawn from the sources' prior.
  std::vector<double> y(kDraws);
  std::size_t below = 0;
  for (std::size_t j = 0; j < kDraws; ++j) {
    CounterRng rng(1, RandomPurpose::kInference, static_cast<std::uint32_t>(j),
                   kRunFit + static_cast<std::uint32_t>(index));
    const double bias = has_source_bias(r) ? e.source_bias_sd * standard_normal(rng) : 0.0;
    y[j] = draw_figure(sim, bias, sd, log_scale, r.value, e.student_nu, rng);
    below += y[j] <= r.value;
  }
  f.predictive = interval_of_equal_weights(y, 1.0 / kDraws);
  f.tail_probability = static_cast<double>(below) / kDraws;
  f.fits = !tail_is_flagged(r, f.tail_probability);
}

}  // namespace

std::vector<RunReportFit> fit_run_to_reports(const Scenario& s, const SeriesTable& record, const ReportErrors& errors) {
  const PlaceCatalog places = catalog_of(s);
  std::vector<RunReportFit> out;
  std::size_t index = 0;
  for (const auto& set : s.reports)
    for (const auto& r : set.reports) {
      RunReportFit f;
      f.report = &r;
      f.file = set.file;
      const RunExpectation sim = expected_in_run(r, places, s.shock_date, record);
      f.simulated = sim.value;
      f.compared = sim.ok;
      f.why_not = sim.why_not;
      f.checks_inputs = r.window_end < s.shock_date;
      if (f.compared) fit_one(r, index, errors, f);
      out.push_back(std::move(f));
      ++index;
    }
  return out;
}

}  // namespace exodus
