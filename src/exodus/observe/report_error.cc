#include "exodus/observe/report_error.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

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

// A Student-t is a scale mixture of normals: e | g ~ N(0, s²/g) with g ~ Gamma(ν/2, rate ν/2)
// (Andrews and Mallows 1974, "Scale mixtures of normal distributions", JRSS B 36:99-102). So
// e + n | g is normal with variance σ² + s²/g, and the density is one integral over g. With
// h = νg/2 = e^y it is (1/Γ(ν/2)) ∫ h^(ν/2) e^(-h) N(x; 0, σ² + s²ν/(2h)) dy over the whole
// line, an analytic integrand decaying exponentially at both ends, where the trapezoid rule
// converges geometrically in the step (Trefethen and Weideman 2014, SIAM Review 56:385-458).
double log_t_plus_normal_density(double x, double t_scale, double normal_sd, double nu) {
  // The mass lies about h = c / x² for an outlier and h = ν/2 otherwise; below it the
  // integrand falls as h^((ν+1)/2), above it as e^-h: the range reaches e^-30 of it below and
  // e^-60 above.
  constexpr double kStep = 0.125;
  const double half_nu = nu / 2, c = t_scale * t_scale * half_nu, s2 = normal_sd * normal_sd;
  // (Bounded below: a residual of 1e200 must not make the loop endless.)
  const double from = std::max(-700.0, std::log(c / (x * x + c)) - 60 / (nu + 1));
  const double to = std::log(half_nu + 12 * std::sqrt(half_nu) + 60);
  // A running log-sum-exp: the terms span hundreds of orders of magnitude.
  double most = -std::numeric_limits<double>::infinity(), sum = 0;
  const int points = static_cast<int>((to - from) / kStep) + 1;
  for (int j = 0; j < points; ++j) {
    const double y = from + kStep * j, h = std::exp(y), v = s2 + c / h;
    const double t = half_nu * y - h - 0.5 * std::log(2 * M_PI * v) - x * x / (2 * v);
    if (t > most) {
      sum = sum * std::exp(most - t) + 1;
      most = t;
    } else {
      sum += std::exp(t - most);
    }
  }
  return most + std::log(sum * kStep) - std::lgamma(half_nu);
}

double draw_figure(double expected, double bias, double sd, bool log_scale, double size, double nu, CounterRng& rng) {
  const double t = student_t(rng, static_cast<int>(nu));
  if (!log_scale) return expected + bias * (size < 0 ? -size : size) + natural_scale(sd, size) * t;
  return std::max(expected, 1e-300) * std::exp(bias + sd * t);
}

}  // namespace exodus
