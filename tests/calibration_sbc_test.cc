// Simulation-based calibration of exodus calibrate, small enough for CI: the tiny scenario with
// priors on its shock and a capacity (tiny_calibration.h), its 16 daily counts as the design.
// bench/calibrate-sbc runs the same on more replicates and on the 2022 scenario.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "exodus/app/calibration_sbc.h"
#include "exodus/io/reports/reports_reader.h"
#include "exodus/core/text_source.h"
#include "tiny_calibration.h"

namespace exodus::testing {
namespace {

// The tiny scenario and its 16 daily counts as the design.
struct TinySbc {
  TinyCalibration t;
  Scenario s = load_scenario(t.folder).scenario;
  ReportSet design = read_reports(read_text_file(t.reports, 1 << 20));
};

CalibrationSbcOptions sbc_options(std::size_t replicates, std::size_t members, std::size_t simulations_per_member) {
  CalibrationSbcOptions o;
  o.replicates = replicates;
  o.members = members;
  o.budget = members * simulations_per_member;
  o.threads = 2;
  return o;
}

TEST(CalibrationSbc, TheTinyScenariosIntervalsHoldOnTruthsDrawnFromItsPriors) {
  const TinySbc tiny;
  const CalibrationSbcResult r = run_calibration_sbc(tiny.s, tiny.design.reports, sbc_options(40, 16, 50));
  EXPECT_EQ(r.sbc.failed_fits, 0) << (r.sbc.failures.empty() ? "" : r.sbc.failures[0]);
  ASSERT_GE(r.sbc.quantities.size(), 3u);
  int covered = 0, trials = 0;
  for (const auto& q : r.sbc.quantities) {
    SCOPED_TRACE(q.label);
    EXPECT_EQ(q.trials, 40);
    // Each bound is where a binomial(40, 0.9) or a chi-square(9) is crossed by chance once in 1,000.
    EXPECT_GE(q.covered90, 30);
    EXPECT_LT(q.rank_chi_square(), 27.9);
    covered += q.covered90;
    trials += q.trials;
  }
  const double pooled = static_cast<double>(covered) / trials;
  EXPECT_GT(pooled, 0.80);
  EXPECT_LT(pooled, 0.98);
}

// Replicates side by side, or split into slices merged afterwards, give the same tables as one
// after another: every draw is keyed by the replicate.
TEST(CalibrationSbc, HowReplicatesAreSpreadChangesNothing) {
  const TinySbc tiny;
  const Scenario& s = tiny.s;
  const ReportSet& design = tiny.design;
  CalibrationSbcOptions o = sbc_options(4, 8, 40);
  o.replicates_at_once = 1;
  const CalibrationSbcResult serial = run_calibration_sbc(s, design.reports, o);
  o.replicates_at_once = 2;
  std::vector<std::size_t> order;
  const CalibrationSbcResult side_by_side =
      run_calibration_sbc(s, design.reports, o, [&](const CalibrationSbcReplicate& r) { order.push_back(r.index); });
  std::sort(order.begin(), order.end());
  EXPECT_EQ(order, (std::vector<std::size_t>{0, 1, 2, 3}));
  // Two slices, their records merged in replicate order.
  SbcResult merged;
  for (std::size_t first : {0u, 2u}) {
    o.first_replicate = first;
    o.replicates = 2;
    std::vector<CalibrationSbcReplicate> slice;
    run_calibration_sbc(s, design.reports, o, [&](const CalibrationSbcReplicate& r) { slice.push_back(r); });
    std::sort(slice.begin(), slice.end(), [](const auto& a, const auto& b) { return a.index < b.index; });
    for (const auto& r : slice) {
      EXPECT_EQ(r.index, first + static_cast<std::size_t>(&r - slice.data()));
      add_calibration_sbc_records(merged, r.records);
    }
  }
  for (const SbcResult* other : std::vector<const SbcResult*>{&side_by_side.sbc, &merged}) {
    ASSERT_EQ(other->quantities.size(), serial.sbc.quantities.size());
    for (std::size_t q = 0; q < serial.sbc.quantities.size(); ++q) {
      EXPECT_EQ(other->quantities[q].label, serial.sbc.quantities[q].label);
      EXPECT_EQ(other->quantities[q].ranks, serial.sbc.quantities[q].ranks);
      EXPECT_EQ(other->quantities[q].covered90, serial.sbc.quantities[q].covered90);
      EXPECT_EQ(other->quantities[q].covered50, serial.sbc.quantities[q].covered50);
    }
  }
  EXPECT_EQ(side_by_side.simulations, serial.simulations);
}

// A record whose intervals are its truth alone (a closed corridor's zero, in the truth and every
// draw) tests nothing: it is counted apart, not as a covered trial.
TEST(CalibrationSbc, ARecordWithoutSpreadIsNotATrial) {
  SbcResult sbc;
  add_calibration_sbc_records(sbc, {{"closed corridor", 0.0, 0.4, {0, 0, 0, 0, 0}},
                                    {"open corridor", 5.0, 0.7, {5, 4.5, 5.5, 3, 8}}});
  add_calibration_sbc_records(sbc, {{"closed corridor", 0.0, 0.6, {0, 0, 0, 0, 0}},
                                    {"open corridor", 9.0, 0.99, {5, 4.5, 5.5, 3, 8}}});
  ASSERT_EQ(sbc.quantities.size(), 2u);
  EXPECT_EQ(sbc.quantities[0].trials, 0);
  EXPECT_EQ(sbc.quantities[0].without_spread, 2);
  EXPECT_TRUE(sbc.quantities[0].ranks.empty());
  EXPECT_EQ(sbc.quantities[1].trials, 2);
  EXPECT_EQ(sbc.quantities[1].covered90, 1);
  EXPECT_EQ(sbc.quantities[1].without_spread, 0);
}

}  // namespace
}  // namespace exodus::testing
