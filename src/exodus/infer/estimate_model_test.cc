#include "exodus/infer/estimate_model.h"

#include <gtest/gtest.h>

#include <cmath>

#include "exodus/infer/estimate.h"
#include "exodus/infer/laplace.h"
#include "exodus/io/reports/reports_reader.h"
#include "exodus/observe/report_weights.h"
#include "test_support.h"

namespace exodus {
namespace {

ReportSet reports() {
  return read_reports(
      {"r.csv",
       testing::kReportsHeader +
       "a,entries,A,,2022-09-21,2022-09-27,90000,,,count,,,,,,\n"
       "b,departures,ALL,,,2022-09-30,250000,,,estimate,,,S1,,,\n"
       "c,departures,ALL,,,2022-10-05,200000,,,lower_bound,,,,,,\n"
       "d,departures,ALL,,,2022-10-05,900000,,,denial,,,,,,\n"
       "e,stock,B,,,2022-10-10,40000,30000,60000,claim,,,S2,,,\n"
       "f,net_arrivals,A,,2022-09-21,2022-10-10,50000,,,count,,,,,,\n"
       // Windows on one corridor set that overlap, leave gaps and scale by their days.
       "g,departures,ALL,,,2022-09-25,120000,,,estimate,,,S1,,,\n"
       "h,entries,A;B,,2022-09-28,2022-10-02,6000,,,count,,persons_per_day,,,,\n"
       "i,entries,A;B,,2022-10-06,2022-10-08,3000,,,count,,persons_per_day,,,,\n"
       "j,entries,A,,2022-09-28,2022-10-04,40000,,,count,,,,,,\n"});
}

EstimateModel model() {
  EstimateOptions o;
  o.shock = *Date::parse("2022-09-21");
  o.end = *Date::parse("2022-10-20");
  const auto r = reports();
  return EstimateModel(estimate_layout(r, o), r);
}

TEST(EstimateModel, GradientAndHessianMatchFiniteDifferences) {
  const auto m = model();
  Eigen::VectorXd th = m.initial();
  for (Eigen::Index i = 0; i < th.size(); ++i) th(i) += 0.2 * std::sin(1.3 * static_cast<double>(i));
  Eigen::VectorXd g;
  Eigen::MatrixXd h;
  m.log_posterior(th, &g, &h);
  const double eps = 1e-6;
  for (Eigen::Index i = 0; i < th.size(); i += 7) {
    Eigen::VectorXd a = th, b = th;
    a(i) += eps;
    b(i) -= eps;
    Eigen::VectorXd ga, gb;
    const double fa = m.log_posterior(a, &ga), fb = m.log_posterior(b, &gb);
    EXPECT_NEAR((fa - fb) / (2 * eps), g(i), 1e-4 * (1 + std::abs(g(i)))) << i;
    EXPECT_LT(((ga - gb) / (2 * eps) - h.col(i)).lpNorm<Eigen::Infinity>(), 1e-3 * (1 + h.col(i).lpNorm<Eigen::Infinity>())) << i;
  }
}

// Figures over windows of days are summed through prefix sums their corridor set shares; each
// must still be its own expected figure, as the flows give it term by term.
TEST(EstimateModel, TheLikelihoodIsEveryReportsTermAtItsOwnExpectedFigure) {
  const auto m = model();
  const ReportSet none{"none", {}};
  const EstimateModel prior_only(m.layout(), none);  // the same parameters, less the sources' biases
  Eigen::VectorXd th = m.initial();
  for (Eigen::Index i = 0; i < th.size(); ++i) th(i) += 0.3 * std::cos(0.7 * static_cast<double>(i));
  const auto n_prior = static_cast<Eigen::Index>(prior_only.size());
  double expected = prior_only.log_posterior(th.head(n_prior));
  const double bias_sd = m.priors().report_errors.source_bias_sd;
  for (std::size_t s = 0; s < m.sources().size(); ++s) {
    const double b = th(static_cast<Eigen::Index>(m.bias_index(s)));
    expected -= 0.5 * b * b / (bias_sd * bias_sd);
  }
  std::vector<std::vector<double>> departures;
  std::vector<double> ordinary;
  m.flows(th, departures, ordinary);
  int used = 0;
  const auto figures = m.expected_figures(departures, ordinary);
  for (std::size_t r = 0; r < m.reports().size(); ++r) {
    const auto& w = m.weights()[r];
    if (!w.used) continue;
    ++used;
    const auto& rep = m.reports()[r];
    const double E = expected_value(w, departures, ordinary);
    EXPECT_NEAR(figures[r], E, 1e-12 * std::abs(E)) << rep.id;
    const int s = m.source_of(r);
    const double bias = s >= 0 ? th(static_cast<Eigen::Index>(m.bias_index(static_cast<std::size_t>(s)))) : 0.0;
    const bool log_scale = !w.signed_metric;
    const double u = log_scale ? std::log(E) + bias : E + bias * std::abs(rep.value);
    expected += report_term(rep, u, m.log_sd(rep), log_scale, m.priors().report_errors.student_nu).value;
  }
  EXPECT_EQ(used, 10);
  const double actual = m.log_posterior(th);
  EXPECT_NEAR(actual, expected, 1e-9 * std::abs(expected));
}

TEST(EstimateModel, TheFisherCurvatureIsNegativeDefinite) {
  const auto m = model();
  Eigen::VectorXd th = m.initial();
  Eigen::MatrixXd h;
  m.log_posterior(th, nullptr, &h, EstimateModel::Curvature::kFisher);
  EXPECT_EQ(Eigen::MatrixXd(-h).llt().info(), Eigen::Success);
}

TEST(EstimateModel, CorridorsAreTheNamedDestinationsPlusOther) {
  const auto m = model();
  ASSERT_EQ(m.layout().corridor_count(), 3u);
  EXPECT_EQ(m.layout().corridors[0].name, "A");
  EXPECT_EQ(m.layout().corridors[1].name, "B");
  EXPECT_FALSE(m.layout().corridors[2].named);
  EXPECT_EQ(m.sources().size(), 2u);  // estimates and claims carry their source's bias
}

// After the surge the prior says what is known of such flows: they decay. The shared profile
// returns to a trickle and each corridor to the profile, so that a level the reports set in
// the surge is not carried on for months (as a random walk would).
TEST(EstimateModel, AfterTheSurgeThePriorDecaysInsteadOfWandering) {
  EstimateOptions o;
  o.shock = *Date::parse("2022-09-21");
  const auto r = reports();
  const auto layout = estimate_layout(r, o);  // 100 days after the shock
  const EstimateModel decaying(layout, r);
  EstimatePriors walk_priors;
  walk_priors.post_surge_half_life_days = 0;  // a random walk forever
  const EstimateModel walking(layout, r, walk_priors);
  const auto last_f = decaying.f_index(decaying.profile_knots().size() - 1);
  const auto last_e = decaying.e_index(0, decaying.drift_knots().size() - 1);
  const Eigen::MatrixXd cov = decaying.prior_precision().inverse();
  const Eigen::MatrixXd walk_cov = walking.prior_precision().inverse();
  const auto fi = static_cast<Eigen::Index>(last_f), ei = static_cast<Eigen::Index>(last_e),
             ai = static_cast<Eigen::Index>(decaying.a_index(0));
  // The profile 85 days after the surge: near the trickle it decays to, with the spread of a
  // stationary process (about 1), where the random walk has wandered far (sd ≈ 8.6).
  EXPECT_NEAR(decaying.prior_mean()(fi), decaying.priors().post_surge_level, 0.1);
  EXPECT_LT(std::sqrt(cov(fi, fi)), 1.5);
  EXPECT_GT(std::sqrt(walk_cov(fi, fi)), 8.0);
  // A corridor's own level (sd 5 in the surge) has returned to the profile's.
  const double level_variance = cov(ai, ai) + cov(ei, ei) + 2 * cov(ai, ei);
  EXPECT_NEAR(cov(ai, ai), 25.0, 1e-6);
  EXPECT_LT(std::sqrt(level_variance), 1.5);
  const double walk_level_variance = walk_cov(ai, ai) + walk_cov(ei, ei) + 2 * walk_cov(ai, ei);
  EXPECT_GT(std::sqrt(walk_level_variance), 5.0);
}

// With a scenario, the corridors' capacities centre their levels: a wide corridor's prior
// level lies above a narrow one's, by what their capacities differ.
TEST(EstimateModel, KnownCapacitiesCentreTheCorridorLevels) {
  EstimateOptions o;
  o.shock = *Date::parse("2022-09-21");
  const auto r = reports();
  auto layout = estimate_layout(r, o);
  EXPECT_EQ(EstimateModel(layout, r).corridor_level_mean(0), 0.0);
  layout.corridors[0].capacity_per_day = 20000;  // A
  layout.corridors[1].capacity_per_day = 2000;   // B
  const EstimateModel m(layout, r);
  EXPECT_NEAR(m.corridor_level_mean(0) - m.corridor_level_mean(1), std::log(std::expm1(20.0)) - std::log(std::expm1(2.0)), 1e-9);
  EXPECT_NEAR(m.corridor_level_mean(0) + m.corridor_level_mean(1), 0.0, 1e-9);
  EXPECT_EQ(m.corridor_level_mean(2), 0.0);  // "other": no capacity known
  EXPECT_NEAR(m.prior_mean()(static_cast<Eigen::Index>(m.a_index(0))), m.corridor_level_mean(0), 1e-9);
}

TEST(Laplace, RecoversAGaussianPosteriorExactly) {
  // log p = -1/2 (θ - μ)ᵀ P (θ - μ): the mode is μ, the draws' covariance P⁻¹.
  Eigen::MatrixXd p(2, 2);
  p << 4, 1, 1, 2;
  const Eigen::Vector2d mu(1.0, -2.0);
  SplitDensity d;
  d.log_density = [&](const Eigen::VectorXd& t, Eigen::VectorXd* g) {
    const Eigen::VectorXd r = t - mu;
    if (g) *g = -p * r;
    return -0.5 * r.dot(p * r);
  };
  d.prior_precision = p;
  d.data_directions = [](const Eigen::VectorXd&) { return Eigen::MatrixXd(2, 0); };
  d.precision = [&](const Eigen::VectorXd&) { return p; };
  LaplaceOptions o;
  o.draws = 20000;
  const auto fit = laplace_fit(d, Eigen::Vector2d(5, 5), o);
  EXPECT_TRUE(fit.diagnostics.ok);
  EXPECT_NEAR((fit.mode - mu).norm(), 0, 1e-6);
  const Eigen::VectorXd mean = fit.draws.rowwise().mean();
  const Eigen::MatrixXd centred = fit.draws.colwise() - mean;
  const Eigen::MatrixXd cov = centred * centred.transpose() / static_cast<double>(fit.draws.cols() - 1);
  const Eigen::MatrixXd expected = p.inverse();
  EXPECT_LT((cov - expected).lpNorm<Eigen::Infinity>(), 0.02);
  EXPECT_NEAR(fit.diagnostics.ess_fraction, 1.0, 1e-6);  // the draws are the posterior's own
}

}  // namespace
}  // namespace exodus
