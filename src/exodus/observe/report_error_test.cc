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

}  // namespace
}  // namespace exodus
