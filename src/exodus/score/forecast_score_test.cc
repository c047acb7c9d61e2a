#include "exodus/score/forecast_score.h"

#include <gtest/gtest.h>

#include <cmath>

namespace exodus {
namespace {

FigurePrediction prediction(std::string id, double median, double lo50, double hi50, double lo90, double hi90) {
  FigurePrediction p;
  p.id = std::move(id);
  p.predicted = true;
  p.median = median, p.lo50 = lo50, p.hi50 = hi50, p.lo90 = lo90, p.hi90 = hi90;
  return p;
}

Report entries(std::string id, std::string place, std::string start, std::string end, double value) {
  Report r;
  r.id = std::move(id);
  r.destinations = {std::move(place)};
  r.window_start = *Date::parse(start);
  r.window_end = *Date::parse(end);
  r.value = value;
  r.unit = "persons";
  return r;
}

TEST(ForecastScore, WeightedIntervalScoreByHand) {
  const auto p = prediction("a", 100, 90, 110, 80, 120);
  // At the median: only the widths count, (0.25 * 20 + 0.05 * 40) / 2.5.
  EXPECT_DOUBLE_EQ(weighted_interval_score(p, 100), 2.8);
  // Above both intervals: (30 / 2 + 0.25 * (20 + 4 * 20) + 0.05 * (40 + 20 * 10)) / 2.5.
  EXPECT_DOUBLE_EQ(weighted_interval_score(p, 130), 20.8);
}

TEST(ForecastScore, CoverageLogErrorAndPersistence) {
  const Date shock = *Date::parse("2022-09-21");
  // Two weeks at Georgia: the first (published by the as-of date) sets the rate, 700 a day.
  const Report first = entries("g1", "Georgia", "2022-09-21", "2022-09-27", 4900);
  const Report second = entries("g2", "Georgia", "2022-09-28", "2022-09-29", 2000);
  const Report other = entries("k1", "Kazakhstan", "2022-09-28", "2022-09-28", 900);
  Report bound = entries("b1", "Georgia", "2022-09-28", "2022-09-28", 10);
  bound.kind = ReportKind::kLowerBound;
  const std::vector<FigurePrediction> predictions = {prediction("g2", 2000, 1800, 2200, 1500, 2500),
                                                     prediction("k1", 450, 400, 500, 300, 800),
                                                     prediction("b1", 100, 50, 150, 20, 200),
                                                     prediction("nowhere", 1, 1, 1, 1, 1)};
  const auto s = score_forecasts(predictions, {&second, &other, &bound}, {&first}, shock);
  EXPECT_EQ(s.scored, 2u);
  EXPECT_EQ(s.unmatched_predictions, 1u);
  EXPECT_DOUBLE_EQ(s.coverage90, 0.5);  // k1's 900 lies above 300-800
  EXPECT_DOUBLE_EQ(s.coverage50, 0.5);
  EXPECT_NEAR(s.median_abs_log_error, 0.5 * std::log(2.0), 1e-12);  // 0 and log 2
  ASSERT_EQ(s.with_persistence, 1u);  // Kazakhstan had no earlier figure
  ASSERT_TRUE(s.figures[0].persistence);
  EXPECT_DOUBLE_EQ(*s.figures[0].persistence, 1400);  // 700 a day over two days
  EXPECT_NEAR(s.persistence_median_abs_log_error, std::log(2000.0 / 1400.0), 1e-12);
  EXPECT_FALSE(s.figures[2].scored);  // a bound
}

}  // namespace
}  // namespace exodus
