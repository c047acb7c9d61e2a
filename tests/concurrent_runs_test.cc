// Several runs in one process (the members of an ensemble) do not disturb one another: each
// gets the same figures as when it runs alone, whatever pools of threads they are given.
#include <gtest/gtest.h>

#include <thread>

#include "exodus/app/flee_case.h"
#include "exodus/app/load_scenario.h"
#include "exodus/run/exodus_run.h"
#include "exodus/run/flee_run.h"

namespace exodus::testing {
namespace {

FleeRunResult mali(std::uint64_t seed, int threads, const WorkerPool* pool) {
  static const LoadedFleeCase loaded = load_flee_case({});
  RunOptions options;
  options.seed = seed;
  options.threads = threads;
  options.pool = pool;
  return run_flee(loaded.world, options);
}

TEST(ConcurrentRuns, FleeRunsOnTheirOwnThreadsMatchLoneRuns) {
  const auto alone1 = mali(1, 1, nullptr), alone2 = mali(2, 1, nullptr);
  ASSERT_NE(alone1.table.sim, alone2.table.sim);  // the seeds differ, so a mix-up would show
  FleeRunResult a, b;
  WorkerPool shared(3);
  std::thread first([&] { a = mali(1, 0, &shared); });
  std::thread second([&] { b = mali(2, 4, nullptr); });
  first.join();
  second.join();
  EXPECT_EQ(a.table.sim, alone1.table.sim);
  EXPECT_EQ(a.table.agents, alone1.table.agents);
  EXPECT_EQ(b.table.sim, alone2.table.sim);
  EXPECT_EQ(b.table.agents, alone2.table.agents);
}

TEST(ConcurrentRuns, ScenarioRunsSharingOnePoolMatchLoneRuns) {
  const auto loaded = load_scenario(std::nullopt);
  Scenario s = loaded.scenario;
  s.days = 40;  // through the shock and its surge
  s.end_date = s.start_date + (s.days - 1);
  const auto run = [&](std::uint64_t seed, const WorkerPool* pool) {
    RunOptions o;
    o.seed = seed;
    o.pool = pool;
    return run_exodus(s, o);
  };
  const auto alone = run(5, nullptr);
  WorkerPool shared(2);
  ExodusRunResult a, b;
  std::thread first([&] { a = run(5, &shared); });
  std::thread second([&] { b = run(5, &shared); });
  first.join();
  second.join();
  ASSERT_EQ(alone.series.days(), 40u);
  const auto& expected = alone.series.series();
  ASSERT_EQ(a.series.series().size(), expected.size());
  ASSERT_EQ(b.series.series().size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(a.series.series()[i].values, expected[i].values) << expected[i].place << " " << expected[i].metric;
    EXPECT_EQ(b.series.series()[i].values, expected[i].values) << expected[i].place << " " << expected[i].metric;
  }
}

}  // namespace
}  // namespace exodus::testing
