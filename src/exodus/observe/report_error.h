#pragma once
// How far a published figure may lie from the truth it speaks of, by its kind: the one error
// model that the estimate's likelihood, its posterior predictive, the calibration checks and
// (next) the scoring of simulations against reports all use.
//
// On the log scale (every metric but net arrivals): u = log(expected) + β, with β the log bias
// of the figure's source (estimates and claims only); counts, estimates and claims are
// Student-t around u with a scale that grows with their kind's looseness; lower bounds and
// denials are one-sided (probit). Net arrivals can be negative, so they are compared on the
// natural scale: u = expected + β·|figure|, with a scale of sd·|figure| + 100 persons.
#include "exodus/core/random.h"
#include "exodus/world/reports.h"

namespace exodus {

struct ReportErrors {
  double count_sd = 0.1, estimate_sd = 0.3, claim_sd = 0.8, bound_sd = 0.1, denial_sd = 0.5;
  double source_bias_sd = 0.35;  // prior sd of a source's log bias
  double student_nu = 4;
};

// The error's sd on the log scale for this report (wider when the source gave a wide range).
double log_sd(const Report& r, const ReportErrors& e);
// The error's scale on the natural scale, for a figure of this size.
inline double natural_scale(double sd, double size) { return sd * (size < 0 ? -size : size) + 100.0; }
// Whether a report does not fit, from its tail probability (the chance of a figure at or below
// it; for a bound, that it holds; for a denial, that the truth is below it): below 5% for the
// one-sided kinds, outside 2.5%-97.5% for the rest. The estimate and a run's fit both judge so.
inline bool tail_is_flagged(const Report& r, double tail) {
  if (r.kind == ReportKind::kLowerBound || r.kind == ReportKind::kDenial) return tail < 0.05;
  return tail < 0.025 || tail > 0.975;
}
// Whether a report's kind has a source bias term (estimates and claims).
inline bool has_source_bias(const Report& r) { return r.kind == ReportKind::kEstimate || r.kind == ReportKind::kClaim; }

// One report's log-likelihood (up to a constant) as a function of u, with its first two
// derivatives in u; `point` for the Student-t kinds (their Fisher information is closed-form).
struct ReportTerm {
  double value = 0, d1 = 0, d2 = 0;
  bool point = false;
};
ReportTerm report_term(const Report& r, double u, double sd, bool log_scale, double nu);

// The figure a report of this kind would give for a true value `expected` and its source's
// log bias: the error drawn from the model above, its scale set by `size` on the natural scale.
double draw_figure(double expected, double bias, double sd, bool log_scale, double size, double nu, CounterRng& rng);

// The log density of e + n, with e a Student-t of ν degrees and scale `t_scale` and n an
// independent normal of sd `normal_sd`: a figure's error of its kind plus the normal errors
// that add to it (a source's bias, the model's discrepancy), with every constant. Exact to
// about 1e-9 (a quadrature, below), for any residual: an outlier keeps the t's heavy tail.
double log_t_plus_normal_density(double x, double t_scale, double normal_sd, double nu);

// Student-t log density (without constants) of a residual (y - u) / sd, as a function of u.
ReportTerm student_term(double y, double u, double sd, double nu);
// log Φ(z / sd) as a function of z (a one-sided report), with derivatives in z.
ReportTerm one_sided_term(double z_over_sd, double sd);

}  // namespace exodus
