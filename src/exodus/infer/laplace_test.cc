#include "exodus/infer/laplace.h"

#include <gtest/gtest.h>

#include "exodus/core/error.h"

namespace exodus {
namespace {

// A Gaussian in three dimensions centred on (1, 2, 3), with one data direction per axis.
SplitDensity gaussian(int* evaluations, std::atomic<bool>* stop_after, int stop_at) {
  SplitDensity d;
  d.log_density = [=](const Eigen::VectorXd& x, Eigen::VectorXd* g) {
    if (++*evaluations == stop_at && stop_after) stop_after->store(true);
    const Eigen::VectorXd r = x - Eigen::Vector3d(1, 2, 3);
    if (g) *g = -r;
    return -0.5 * r.squaredNorm();
  };
  d.prior_precision = Eigen::MatrixXd::Identity(3, 3) * 0.5;
  d.data_directions = [](const Eigen::VectorXd&) { return Eigen::MatrixXd(Eigen::MatrixXd::Identity(3, 3) * 0.7); };
  d.precision = [](const Eigen::VectorXd&) { return Eigen::MatrixXd(Eigen::MatrixXd::Identity(3, 3)); };
  return d;
}

TEST(LaplaceFit, FindsTheModeOfAGaussian) {
  int evaluations = 0;
  LaplaceOptions o;
  o.draws = 100;
  const LaplaceResult fit = laplace_fit(gaussian(&evaluations, nullptr, 0), Eigen::VectorXd::Zero(3), o);
  EXPECT_TRUE(fit.diagnostics.ok) << fit.diagnostics.problem;
  EXPECT_NEAR(fit.mode(0), 1, 1e-6);
  EXPECT_NEAR(fit.mode(2), 3, 1e-6);
}

TEST(LaplaceFit, AStopRequestEndsTheFitAtTheNextEvaluation) {
  for (const int stop_at : {1, 3}) {  // during the optimiser, from its first call or later
    int evaluations = 0;
    std::atomic<bool> stop{false};
    LaplaceOptions o;
    o.stop = &stop;
    EXPECT_THROW(laplace_fit(gaussian(&evaluations, &stop, stop_at), Eigen::VectorXd::Zero(3), o), Interrupted);
    EXPECT_EQ(evaluations, stop_at);  // nothing evaluated after the request
  }
  // A request made before the fit starts: not one evaluation.
  int evaluations = 0;
  std::atomic<bool> stop{true};
  LaplaceOptions o;
  o.stop = &stop;
  EXPECT_THROW(laplace_fit(gaussian(&evaluations, nullptr, 0), Eigen::VectorXd::Zero(3), o), Interrupted);
  EXPECT_EQ(evaluations, 0);
}

}  // namespace
}  // namespace exodus
