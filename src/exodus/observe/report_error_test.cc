#include "exodus/observe/report_error.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace exodus {
namespace {

Report report(ReportKind kind, double value) {
  Report r;
  r.kind = kind;
  r.value = value;
  return r;
}

TEST(ReportError, SdGrowsWithTheKindsLoosenessAndWithARange) {
  const ReportErrors e;
  EXPECT_EQ(log_sd(report(ReportKind::kCount, 1), e), e.count_sd);
  EXPECT_EQ(log_sd(report(ReportKind::kClaim, 1), e), e.claim_sd);
  Report wide = report(ReportKind::kCount, 300000);
  wide.low = 200000;
  wide.high = 900000;
  EXPECT_NEAR(log_sd(wide, e), std::log(4.5) / 4, 1e-12);
  EXPECT_TRUE(has_source_bias(report(ReportKind::kEstimate, 1)));
  EXPECT_FALSE(has_source_bias(report(ReportKind::kLowerBound, 1)));
}

// The derivatives the estimate's sampler follows are those of the value.
TEST(ReportError, TermDerivativesMatchFiniteDifferences) {
  for (const auto kind : {ReportKind::kCount, ReportKind::kLowerBound, ReportKind::kDenial})
    for (const bool log_scale : {true, false}) {
      const Report r = report(kind, 5000);
      const double u0 = log_scale ? std::log(4000.0) : 4000.0;
      const double sd = log_scale ? 0.3 : 0.3;
      const double h = log_scale ? 1e-5 : 1e-2;
      const auto t = report_term(r, u0, sd, log_scale, 4);
      const auto up = report_term(r, u0 + h, sd, log_scale, 4), down = report_term(r, u0 - h, sd, log_scale, 4);
      EXPECT_NEAR(t.d1, (up.value - down.value) / (2 * h), 1e-4 * (1 + std::abs(t.d1))) << static_cast<int>(kind);
      EXPECT_NEAR(t.d2, (up.d1 - down.d1) / (2 * h), 1e-4 * (1 + std::abs(t.d2))) << static_cast<int>(kind);
      EXPECT_EQ(t.point, kind == ReportKind::kCount);
    }
  // A lower bound is nearly free above its figure and costly below it.
  const Report bound = report(ReportKind::kLowerBound, 1000);
  EXPECT_GT(report_term(bound, std::log(2000.0), 0.1, true, 4).value, report_term(bound, std::log(500.0), 0.1, true, 4).value);
}

// Figures drawn from the model centre where the likelihood puts them: on the log scale at
// expected · e^bias; on the natural scale (net arrivals) at expected + bias · |figure|. The
// posterior predictive once left the bias out on the natural scale.
TEST(ReportError, DrawnFiguresCentreWhereTheLikelihoodDoes) {
  const auto median_of = [](bool log_scale, double bias) {
    std::vector<double> draws;
    for (std::uint32_t j = 0; j < 4001; ++j) {
      CounterRng rng(11, RandomPurpose::kSynthetic, j, 0);
      draws.push_back(draw_figure(10000, bias, 0.2, log_scale, 20000, 4, rng));
    }
    std::nth_element(draws.begin(), draws.begin() + 2000, draws.end());
    return draws[2000];
  };
  EXPECT_NEAR(median_of(true, 0.0), 10000, 10000 * 0.02);
  EXPECT_NEAR(median_of(true, 0.5), 10000 * std::exp(0.5), 10000 * std::exp(0.5) * 0.02);
  EXPECT_NEAR(median_of(false, 0.0), 10000, 150);
  EXPECT_NEAR(median_of(false, 0.25), 10000 + 0.25 * 20000, 150);
  // The likelihood's location for the same figure agrees: its peak is at u = figure.
  const Report net = report(ReportKind::kEstimate, 15000);
  EXPECT_NEAR(report_term(net, 15000, 0.2, false, 4).d1, 0, 1e-12);
}

double log_student(double x, double s, double nu) {
  return std::lgamma((nu + 1) / 2) - std::lgamma(nu / 2) - 0.5 * std::log(nu * M_PI) - std::log(s) -
         (nu + 1) / 2 * std::log1p(x * x / (s * s * nu));
}

TEST(ReportError, AStudentTPlusANormalHasTheTsDensityWhenTheNormalIsNothing) {
  for (const double nu : {1.0, 4.0, 30.0})
    for (const double x : {0.0, 0.05, -0.3, 1.0, 10.0, 1e3})
      EXPECT_NEAR(log_t_plus_normal_density(x, 0.1, 0.0, nu), log_student(x, 0.1, nu), 1e-8) << nu << " " << x;
}

TEST(ReportError, AStudentTPlusANormalMatchesTheirConvolutionDoneByBruteForce) {
  // ∫ N(z; 0, σ) t(x - z; s) dz by Simpson's rule on a fine grid over ±12σ.
  const auto brute = [](double x, double s, double sigma, double nu) {
    const int n = 200000;
    const double a = -12 * sigma, h = 24 * sigma / n;
    double sum = 0;
    for (int i = 0; i <= n; ++i) {
      const double z = a + h * i;
      const double f = std::exp(-z * z / (2 * sigma * sigma)) / (sigma * std::sqrt(2 * M_PI)) * std::exp(log_student(x - z, s, nu));
      sum += f * (i == 0 || i == n ? 1 : (i % 2 ? 4 : 2));
    }
    return std::log(sum * h / 3);
  };
  for (const double sigma : {0.02, 0.15, 0.8})
    for (const double x : {0.0, 0.1, -0.5, 2.0}) {
      const double exact = brute(x, 0.1, sigma, 4);
      EXPECT_NEAR(log_t_plus_normal_density(x, 0.1, sigma, 4), exact, 1e-7) << sigma << " " << x;
    }
  // Wider than both alone, and the t's tail survives far out.
  EXPECT_LT(log_t_plus_normal_density(0, 0.1, 0.15, 4), log_student(0, 0.1, 4));
  EXPECT_GT(log_t_plus_normal_density(5, 0.1, 0.15, 4), -0.5 * 25 / (0.15 * 0.15 + 0.02));
}

}  // namespace
}  // namespace exodus
