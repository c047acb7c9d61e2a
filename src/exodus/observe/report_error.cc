#include "exodus/observe/report_error.h"

#include <algorithm>
#include <cmath>

namespace exodus {

namespace {

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

}  // namespace

double log_sd(const Report& r, const ReportErrors& e) {
  double sd = e.count_sd;
  if (r.kind == ReportKind::kEstimate) sd = e.estimate_sd;
  if (r.kind == ReportKind::kClaim) sd = e.claim_sd;
  if (r.kind == ReportKind::kLowerBound) sd = e.bound_sd;
  if (r.kind == ReportKind::kDenial) sd = e.denial_sd;
  if (r.low && r.high) sd = std::max(sd, std::log(*r.high / *r.low) / 4.0);
  return sd;
}

ReportTerm student_term(double y, double u, double sd, double nu) {
  const double z = (y - u) / sd;
  const double q = nu + z * z;
  ReportTerm t;
  t.value = -0.5 * (nu + 1) * std::log(q / nu);
  // dℓ/dz = -(ν+1) z / q; dz/du = -1/sd.
  t.d1 = (nu + 1) * z / q / sd;
  t.d2 = -(nu + 1) * (nu - z * z) / (q * q) / (sd * sd);
  t.point = true;
  return t;
}

ReportTerm one_sided_term(double z_over_sd, double sd) {
  const auto p = log_phi(z_over_sd);
  return {p.value, p.d1 / sd, p.d2 / (sd * sd), false};
}

ReportTerm report_term(const Report& r, double u, double sd, bool log_scale, double nu) {
  ReportTerm term;
  if (log_scale) {
    const double obs = std::log(r.value);
    switch (r.kind) {
      case ReportKind::kCount: case ReportKind::kEstimate: case ReportKind::kClaim:
        return student_term(obs, u, sd, nu);
      case ReportKind::kLowerBound:  // the truth is at least the figure
        return one_sided_term((u - obs) / sd, sd);
      case ReportKind::kDenial:  // the truth is below the figure
        term = one_sided_term((obs - u) / sd, sd);
        term.d1 = -term.d1;
        return term;
    }
    return term;
  }
  const double scale = natural_scale(sd, r.value);
  switch (r.kind) {
    case ReportKind::kLowerBound: return one_sided_term((u - r.value) / scale, scale);
    case ReportKind::kDenial:
      term = one_sided_term((r.value - u) / scale, scale);
      term.d1 = -term.d1;
      return term;
    default: return student_term(r.value, u, scale, nu);
  }
}

double draw_figure(double expected, double bias, double sd, bool log_scale, double size, double nu, CounterRng& rng) {
  const double t = student_t(rng, static_cast<int>(nu));
  if (!log_scale) return expected + bias * (size < 0 ? -size : size) + natural_scale(sd, size) * t;
  return std::max(expected, 1e-300) * std::exp(bias + sd * t);
}

}  // namespace exodus
