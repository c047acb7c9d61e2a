#include "exodus/infer/window_sums.h"

#include <gtest/gtest.h>

namespace exodus {
namespace {

// Two corridors, 6 days, the first 2 before the shock.
ReportWeights window(double a_weight, double b_weight, std::size_t first, std::size_t last) {
  ReportWeights w;
  w.used = true;
  w.w.assign(2, std::vector<double>(6, 0.0));
  w.c.assign(2, 0.0);
  for (std::size_t t = first; t <= last; ++t) {
    w.w[0][t] = a_weight;
    w.w[1][t] = b_weight;
  }
  return w;
}

TEST(WindowSums, SumsAndGradientsEqualTheTermByTermOnes) {
  std::vector<ReportWeights> weights = {window(1, 1, 2, 3), window(1, 1, 2, 5), window(0.5, 0.5, 4, 5),
                                        window(1, 0, 3, 4), window(1, 2, 2, 2)};
  ReportWeights decaying = window(1, 0, 2, 5);
  decaying.w[0][5] = 0.25;  // not one weight over its days: summed term by term
  weights.push_back(decaying);
  ReportWeights unused = window(1, 1, 2, 5);
  unused.used = false;
  weights.push_back(unused);
  const WindowSums sums(weights, 2, 6);
  for (std::size_t r = 0; r < 5; ++r) EXPECT_TRUE(sums.holds(r)) << r;
  EXPECT_FALSE(sums.holds(5));
  EXPECT_FALSE(sums.holds(6));
  const std::vector<double> flows = {0, 0, 3, 5, 7, 11, 0, 0, 13, 17, 19, 23};
  const std::vector<double> flow_slope = {0, 0, 1, 2, 3, 4, 0, 0, 5, 6, 7, 8};
  const std::vector<double> report_slope = {0.5, -1, 2, 0.25, 3};
  WindowSums::Pass pass;
  sums.begin(flows.data(), true, pass);
  std::vector<double> expected_gradient(12, 0.0);
  for (std::size_t r = 0; r < 5; ++r) {
    double direct = 0;
    for (std::size_t k = 0; k < 2; ++k)
      for (std::size_t t = 0; t < 6; ++t) {
        direct += weights[r].w[k][t] * flows[k * 6 + t];
        expected_gradient[k * 6 + t] += report_slope[r] * weights[r].w[k][t] * flow_slope[k * 6 + t];
      }
    EXPECT_DOUBLE_EQ(sums.sum(r, pass), direct) << r;
    sums.add_slope(r, report_slope[r], pass);
  }
  EXPECT_EQ(sums.sum(5, pass), 0.0);
  std::vector<double> gradient(12, 0.0);
  sums.add_gradient(flow_slope.data(), gradient.data(), pass);
  for (std::size_t i = 0; i < 12; ++i) EXPECT_DOUBLE_EQ(gradient[i], expected_gradient[i]) << i;
  // Each window's terms, one by one, for the curvature.
  double visited = 0;
  sums.for_each_term(4, [&](std::size_t i, double w) { visited += w * flows[i]; });
  EXPECT_DOUBLE_EQ(visited, 3 + 2 * 13);
}

}  // namespace
}  // namespace exodus
