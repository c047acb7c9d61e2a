#include "exodus/observe/run_likelihood.h"

#include <algorithm>
#include <cmath>

namespace exodus {

namespace {
constexpr double kLeastCounterpart = 0.5;  // persons (or hours, vehicles, km)
bool log_scale_of(const Report& r) { return r.metric != ReportMetric::kNetArrivals; }
bool one_sided(const Report& r) { return r.kind == ReportKind::kLowerBound || r.kind == ReportKind::kDenial; }
}  // namespace

double run_report_sd(const Report& r, double discrepancy_sd, const ReportErrors& e) {
  const double kind = log_sd(r, e), bias = has_source_bias(r) ? e.source_bias_sd : 0.0;
  return std::sqrt(kind * kind + bias * bias + discrepancy_sd * discrepancy_sd);
}

double run_report_log_likelihood(const Report& r, double simulated, double discrepancy_sd, const ReportErrors& e) {
  if (one_sided(r)) {
    const double sd = run_report_sd(r, discrepancy_sd, e);
    const double u = log_scale_of(r) ? std::log(std::max(simulated, kLeastCounterpart)) : simulated;
    return report_term(r, u, sd, log_scale_of(r), e.student_nu).value;
  }
  // The figure is the run's counterpart, times the discrepancy and the source's bias (normal on
  // the log scale), times its kind's Student-t error: the density of that sum, exactly (the
  // figures draw_report_of_truth draws have it).
  const double bias = has_source_bias(r) ? e.source_bias_sd : 0.0;
  const double normal_sd = std::sqrt(bias * bias + discrepancy_sd * discrepancy_sd);
  if (log_scale_of(r)) {
    const double u = std::log(std::max(simulated, kLeastCounterpart));
    return log_t_plus_normal_density(std::log(r.value) - u, log_sd(r, e), normal_sd, e.student_nu);
  }
  const double size = std::abs(r.value);
  return log_t_plus_normal_density(r.value - simulated, natural_scale(log_sd(r, e), r.value), normal_sd * size, e.student_nu);
}

double draw_run_truth(const Report& r, double simulated, double discrepancy_sd, CounterRng& rng) {
  const double delta = discrepancy_sd * standard_normal(rng);
  return log_scale_of(r) ? std::max(simulated, 0.0) * std::exp(delta) : simulated + delta * std::abs(simulated);
}

double draw_report_of_truth(const Report& r, double truth, const ReportErrors& e, CounterRng& rng) {
  if (one_sided(r)) return truth;
  const double bias = has_source_bias(r) ? e.source_bias_sd * standard_normal(rng) : 0.0;
  return draw_figure(truth, bias, log_sd(r, e), log_scale_of(r), truth, e.student_nu, rng);
}

}  // namespace exodus
