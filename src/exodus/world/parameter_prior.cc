#include "exodus/world/parameter_prior.h"

#include <cmath>
#include <random>
#include <stdexcept>

namespace exodus {

namespace {

double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }
double logit(double p) { return std::log(p / (1 - p)); }
double logistic(double x) { return 1 / (1 + std::exp(-x)); }

// The working scale's bounds, from the value's.
double working_bound(const ParameterPrior& p, double value) {
  switch (p.shape) {
    case PriorShape::kLogNormal: return value <= 0 ? -INFINITY : std::log(value);
    case PriorShape::kBeta: return value <= 0 ? -INFINITY : value >= 1 ? INFINITY : logit(value);
    default: return value;
  }
}

}  // namespace

const char* to_string(PriorShape shape) {
  switch (shape) {
    case PriorShape::kLogNormal: return "lognormal";
    case PriorShape::kNormal: return "normal";
    case PriorShape::kUniform: return "uniform";
    case PriorShape::kBeta: return "beta";
  }
  return "?";
}

BetaShape beta_shape(double mean, double sd) {
  const double k = mean * (1 - mean) / (sd * sd) - 1;
  return {mean * k, (1 - mean) * k};
}

double working_of(const ParameterPrior& p, double value) { return working_bound(p, value); }

double value_of(const ParameterPrior& p, double working) {
  switch (p.shape) {
    case PriorShape::kLogNormal: return std::exp(working);
    case PriorShape::kBeta: return logistic(working);
    default: return working;
  }
}

bool within(const ParameterPrior& p, double working) {
  return working >= working_bound(p, p.lower) && working <= working_bound(p, p.upper) && std::isfinite(working);
}

double log_density_working(const ParameterPrior& p, double x) {
  switch (p.shape) {
    case PriorShape::kLogNormal: {
      const double z = (x - std::log(p.center)) / p.spread;
      return -0.5 * z * z;
    }
    case PriorShape::kNormal: {
      const double z = (x - p.center) / p.spread;
      return -0.5 * z * z;
    }
    case PriorShape::kUniform: return 0;
    case PriorShape::kBeta: {
      // θ^(α-1) (1-θ)^(β-1) times the Jacobian θ(1-θ) of the logit.
      const auto b = beta_shape(p.center, p.spread);
      const double log_theta = -std::log1p(std::exp(-x)), log_rest = -std::log1p(std::exp(x));
      return b.alpha * log_theta + b.beta * log_rest;
    }
  }
  return 0;
}

double truncated_mass(const ParameterPrior& p) {
  switch (p.shape) {
    case PriorShape::kLogNormal: case PriorShape::kNormal: {
      const double mu = p.shape == PriorShape::kLogNormal ? std::log(p.center) : p.center;
      return normal_cdf((working_bound(p, p.upper) - mu) / p.spread) - normal_cdf((working_bound(p, p.lower) - mu) / p.spread);
    }
    case PriorShape::kUniform: return 1;
    case PriorShape::kBeta: {
      // Midpoint rule on 4,000 cells of [0, 1]: a check of the truncation, not an integral to
      // quote (the density's poles at 0 or 1 are integrable and land in no midpoint).
      const auto b = beta_shape(p.center, p.spread);
      const double log_norm = std::lgamma(b.alpha + b.beta) - std::lgamma(b.alpha) - std::lgamma(b.beta);
      constexpr int kCells = 4000;
      double inside = 0, all = 0;
      for (int i = 0; i < kCells; ++i) {
        const double t = (i + 0.5) / kCells;
        const double d = std::exp(log_norm + (b.alpha - 1) * std::log(t) + (b.beta - 1) * std::log1p(-t)) / kCells;
        all += d;
        if (t >= p.lower && t <= p.upper) inside += d;
      }
      return all > 0 ? inside / all : 0;
    }
  }
  return 0;
}

double draw_working(const ParameterPrior& p, CounterRng& rng) {
  for (int attempt = 0; attempt < 100'000; ++attempt) {
    double x = 0;
    switch (p.shape) {
      case PriorShape::kLogNormal: x = std::log(p.center) + p.spread * standard_normal(rng); break;
      case PriorShape::kNormal: x = p.center + p.spread * standard_normal(rng); break;
      case PriorShape::kUniform: x = p.lower + (p.upper - p.lower) * rng.next_unit(); break;
      case PriorShape::kBeta: {
        const auto b = beta_shape(p.center, p.spread);
        CounterUrbg urbg{rng};
        const double g1 = std::gamma_distribution<double>(b.alpha, 1.0)(urbg);
        const double g2 = std::gamma_distribution<double>(b.beta, 1.0)(urbg);
        const double t = g1 / (g1 + g2);
        x = t > 0 && t < 1 ? logit(t) : NAN;
        break;
      }
    }
    if (within(p, x)) return x;
  }
  throw std::runtime_error("prior of " + p.address + " keeps too little of its mass within its bounds to draw from");
}

}  // namespace exodus
