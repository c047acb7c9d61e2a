// Flee rule set at scale: a generated graph of 1,000 locations, 1 M and 10 M agents, 100
// days, on 1 and 2 threads. Reports agent-steps (agent-days) per second and bytes per agent.
//   build/exodus_bench_flee --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include "exodus/sim/engine.h"
#include "exodus/sim/flee/flee_rules.h"
#include "exodus/world/synthetic_flee.h"

namespace exodus {
namespace {

constexpr std::int32_t kDays = 100;

std::size_t agent_bytes(const FleeAgents& a) {
  return a.where.capacity() * sizeof(a.where[0]) + a.progress.capacity() * sizeof(a.progress[0]) +
         a.route.capacity() * sizeof(a.route[0]) + a.route_step.capacity() * sizeof(a.route_step[0]);
}

void BM_FleeSynthetic(benchmark::State& state) {
  const auto agents = static_cast<std::int64_t>(state.range(0));
  const int threads = static_cast<int>(state.range(1));
  const FleeWorld world = make_synthetic_flee_world(1000, kDays, 7);
  double bytes_per_agent = 0;
  for (auto _ : state) {
    state.PauseTiming();
    FleeRules rules(world, 1);
    rules.reserve_agents(static_cast<std::size_t>(agents));
    const auto per_origin = agents / 100;
    for (LocationId i = 0; i < 1000; i += 10) rules.add_agents(i, per_origin);
    state.ResumeTiming();
    EngineOptions options;
    options.threads = threads;
    run_days(rules, options);
    state.PauseTiming();
    bytes_per_agent = static_cast<double>(agent_bytes(rules.agents())) / static_cast<double>(rules.agent_count());
    benchmark::DoNotOptimize(rules.location_counts().data());
    state.ResumeTiming();
  }
  state.counters["agent_steps_per_s"] =
      benchmark::Counter(static_cast<double>(agents) * kDays, benchmark::Counter::kIsIterationInvariantRate);
  state.counters["bytes_per_agent"] = bytes_per_agent;
  state.counters["threads"] = threads;
}

BENCHMARK(BM_FleeSynthetic)
    ->ArgNames({"agents", "threads"})
    ->Args({1'000'000, 1})
    ->Args({1'000'000, 2})
    ->Args({10'000'000, 1})
    ->Args({10'000'000, 2})
    ->Iterations(1)
    ->Unit(benchmark::kSecond)
    ->UseRealTime();

}  // namespace
}  // namespace exodus

BENCHMARK_MAIN();
