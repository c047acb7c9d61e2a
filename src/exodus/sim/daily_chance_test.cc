#include "exodus/sim/daily_chance.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "exodus/core/random.h"

namespace exodus {
namespace {

// The definition, day by day: the first day m > from whose cumulative hazard since `from`
// reaches E, from the chance of each day.
std::int32_t reference_first_day(const DailyChance& c, std::int32_t from, double e, std::int32_t horizon) {
  double h = 0;
  for (std::int32_t t = from + 1; t < horizon; ++t) {
    const double p = c.on(t);
    if (p >= 1) return t;
    if (p > 0) h += -std::log1p(-p);
    if (h > e) return t;
  }
  return horizon;
}

DailyChance three_stretches() {
  DailyChance c(0.1);
  c.add_stretch(10, 0.5);
  c.add_stretch(15, 0.0);
  c.add_stretch(20, 0.02);
  return c;
}

TEST(DailyChance, AgreesWithTheDayByDayDefinitionAcrossStretches) {
  const DailyChance c = three_stretches();
  int checked = 0;
  for (std::int32_t from : {0, 3, 9, 10, 14, 15, 19, 20, 60})
    for (int k = 0; k < 400; ++k) {
      // E on a fine grid with a little offset so that no value sits exactly on a day's boundary.
      const double e = 0.0123 + 0.0191 * k;
      EXPECT_EQ(c.first_day_after(from, e, 100), reference_first_day(c, from, e, 100)) << from << " " << e;
      ++checked;
    }
  EXPECT_EQ(checked, 3600);
}

TEST(DailyChance, AConstantChanceGivesTheGeometricLaw) {
  // With p = 0.25, P(no move in the first k days) = 0.75^k: the share of draws that move after
  // day from + k matches it within Monte Carlo error.
  const DailyChance c(0.25);
  constexpr int kDraws = 200000;
  std::vector<int> after(6, 0);
  for (int i = 0; i < kDraws; ++i) {
    CounterRng rng(7, RandomPurpose::kInference, static_cast<std::uint32_t>(i), 0);
    const double e = -std::log1p(-rng.next_unit());
    const std::int32_t m = c.first_day_after(4, e, 1000);
    ASSERT_GT(m, 4);
    for (int k = 0; k < 6; ++k) after[static_cast<std::size_t>(k)] += m > 4 + k;
  }
  for (int k = 0; k < 6; ++k) {
    const double expected = std::pow(0.75, k), share = after[static_cast<std::size_t>(k)] / double(kDraws);
    EXPECT_NEAR(share, expected, 4 * std::sqrt(expected * (1 - expected) / kDraws) + 1e-12) << k;
  }
}

TEST(DailyChance, SureAndImpossibleChances) {
  DailyChance c(0.0);
  c.add_stretch(5, 1.0);
  c.add_stretch(8, 0.0);
  EXPECT_EQ(c.first_day_after(0, 0.001, 50), 5);   // nothing before day 5, then sure
  EXPECT_EQ(c.first_day_after(5, 100.0, 50), 6);   // sure on the next day whatever E
  EXPECT_EQ(c.first_day_after(7, 0.001, 50), 50);  // never again: the horizon
  EXPECT_EQ(c.first_day_after(2, 0.001, 4), 4);    // the horizon comes first
  EXPECT_EQ(DailyChance(3.0).first_day_after(10, 5.0, 50), 11);  // a rate above 1 is sure too
}

TEST(DailyChance, AHugeDrawStopsAtTheHorizonWithoutOverflow) {
  const DailyChance c(1e-300);
  EXPECT_EQ(c.first_day_after(0, 700.0, 3660), 3660);
  EXPECT_EQ(DailyChance(0.5).first_day_after(0, 1e300, 100), 100);
}

TEST(DailyChance, StretchesMustComeInDayOrder) {
  DailyChance c(0.1);
  c.add_stretch(10, 0.2);
  c.add_stretch(10, 0.3);  // the same day replaces
  EXPECT_DOUBLE_EQ(c.on(10), 0.3);
  EXPECT_DOUBLE_EQ(c.on(9), 0.1);
  EXPECT_THROW(c.add_stretch(5, 0.1), std::invalid_argument);
}

}  // namespace
}  // namespace exodus
