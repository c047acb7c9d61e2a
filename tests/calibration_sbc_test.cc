// Simulation-based calibration of exodus calibrate, small enough for CI: the tiny scenario with
// priors on its shock and a capacity (tiny_calibration.h), its 16 daily counts as the design.
// bench/calibrate-sbc runs the same on more replicates and on the 2022 scenario.
#include <gtest/gtest.h>

#include "exodus/app/calibration_sbc.h"
#include "exodus/io/reports/reports_reader.h"
#include "exodus/core/text_source.h"
#include "tiny_calibration.h"

namespace exodus::testing {
namespace {

TEST(CalibrationSbc, TheTinyScenariosIntervalsHoldOnTruthsDrawnFromItsPriors) {
  const TinyCalibration t;
  const Scenario s = load_scenario(t.folder).scenario;
  const ReportSet design = read_reports(read_text_file(t.reports, 1 << 20));
  CalibrationSbcOptions o;
  o.replicates = 40;
  o.members = 16;
  o.budget = 16 * 80;
  o.threads = 2;
  const CalibrationSbcResult r = run_calibration_sbc(s, design.reports, o);
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

}  // namespace
}  // namespace exodus::testing
