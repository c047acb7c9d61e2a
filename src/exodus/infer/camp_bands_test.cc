#include "exodus/infer/camp_bands.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace exodus {
namespace {

CampTable table(std::int64_t population) {
  CampTable t;
  t.camps = {"C", "D"};
  t.sim = {{population, 2 * population}};
  return t;
}

// Members that agree: their population with the discrepancy's log-normal spread around it.
TEST(CampBands, MembersThatAgreeGiveTheirDiscrepancysSpread) {
  const CampTable run = table(999);
  const std::vector<const CampTable*> runs(400, &run);
  const std::vector<double> weights(400, 1.0 / 400), sd(400, 0.2);
  const CampBands b = camp_bands(runs, weights, sd, 7, 20);
  ASSERT_EQ(b.bands.size(), 1u);
  ASSERT_EQ(b.camps, (std::vector<std::string>{"C", "D"}));
  const Interval& i = b.bands[0][0];
  EXPECT_NEAR(std::log1p(i.median), std::log(1000.0), 0.02);
  EXPECT_NEAR(std::log1p(i.hi90) - std::log(1000.0), 1.645 * 0.2, 0.03);
  EXPECT_NEAR(std::log(1000.0) - std::log1p(i.lo90), 1.645 * 0.2, 0.03);
  EXPECT_NEAR(std::log1p(i.hi50) - std::log(1000.0), 0.674 * 0.2, 0.02);
}

// Without a discrepancy the band is the members' own spread, and a member of weight 0 or one
// that did not run counts for nothing.
TEST(CampBands, WithoutADiscrepancyTheMembersSpreadIsTheBand) {
  std::vector<CampTable> tables;
  for (int m = 0; m < 9; ++m) tables.push_back(table(100 * (m + 1)));
  const CampTable outlier = table(1'000'000);
  std::vector<const CampTable*> runs;
  std::vector<double> weights, sd;
  for (const auto& t : tables) {
    runs.push_back(&t);
    weights.push_back(1.0 / 9);
    sd.push_back(0.0);
  }
  runs.push_back(&outlier);
  weights.push_back(0.0);
  sd.push_back(0.0);
  runs.push_back(nullptr);
  weights.push_back(0.5);
  sd.push_back(0.0);
  const CampBands b = camp_bands(runs, weights, sd, 7, 3);
  EXPECT_DOUBLE_EQ(b.bands[0][0].median, 500);
  EXPECT_DOUBLE_EQ(b.bands[0][1].median, 1000);
  EXPECT_GE(b.bands[0][0].lo90, 100);
  EXPECT_LE(b.bands[0][0].hi90, 900);
  // The same inputs and seed give the same bands.
  const double noisy[] = {0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3};
  const CampBands x = camp_bands(runs, weights, noisy, 11), y = camp_bands(runs, weights, noisy, 11);
  EXPECT_EQ(x.bands[0][1].hi90, y.bands[0][1].hi90);
  EXPECT_NE(x.bands[0][1].hi90, camp_bands(runs, weights, noisy, 12).bands[0][1].hi90);
}

TEST(CampBands, RunsOfAnotherCaseAreRefused) {
  const CampTable a = table(1);
  CampTable b = table(1);
  b.camps = {"C", "E"};
  const CampTable* runs[] = {&a, &b};
  const double weights[] = {0.5, 0.5}, sd[] = {0.1, 0.1};
  EXPECT_THROW(camp_bands(runs, weights, sd, 1), std::invalid_argument);
}

}  // namespace
}  // namespace exodus
