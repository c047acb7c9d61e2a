// The embedded 2022 scenario against its calibration targets (targets.csv, from the seeds).
#include <gtest/gtest.h>

#include "exodus/app/exodus_run.h"
#include "exodus/score/targets.h"

namespace exodus::testing {
namespace {

TEST(Mobilization2022, EveryTargetIsWithinItsRange) {
  const auto loaded = load_scenario(std::nullopt);
  ASSERT_GE(loaded.scenario.targets.size(), 10u);
  ExodusRunOptions options;
  options.seed = loaded.scenario.seed;
  options.threads = 2;
  const auto run = run_exodus(loaded.scenario, options);
  ASSERT_EQ(run.days_run, loaded.scenario.days);
  EXPECT_EQ(loaded.scenario.end_date.iso(), "2022-12-31");
  for (const auto& r : evaluate_targets(loaded.scenario, run.series))
    EXPECT_TRUE(r.pass) << r.target->id << ": simulated " << r.simulated << ", accepted ["
                        << r.target->low << ", " << r.target->high << "]";
}

TEST(Mobilization2022, TheRepositoryCopyIsTheEmbeddedOne) {
  const auto embedded = load_scenario(std::nullopt);
  const auto folder = load_scenario(std::filesystem::path(EXODUS_SOURCE_DIR) / "scenarios" / "mobilization-2022");
  ASSERT_EQ(embedded.inputs.size(), folder.inputs.size());
  for (std::size_t i = 0; i < embedded.inputs.size(); ++i)
    EXPECT_EQ(embedded.inputs[i].sha256, folder.inputs[i].sha256) << folder.inputs[i].name;
}

}  // namespace
}  // namespace exodus::testing
