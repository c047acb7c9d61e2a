// Flee rule set at scale, on a generated graph of 1,000 locations, 1 and 2 threads:
// - BM_FleeSynthetic: 1 M and 10 M agents spread over the conflict zones, 100 days;
// - BM_FleeSyriaSized: a case of the size and idleness of Flee's Syria case, 4 M agents for
//   1,000 days, 99% of them in camps (move chance 0.001) and 1% in conflict zones.
// Reports agent-steps (agent-days, counted over all agents, moving or not) per second, the
// agent-days on which an agent acted, and bytes per agent.
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
         a.route.capacity() * sizeof(a.route[0]) + a.route_step.capacity() * sizeof(a.route_step[0]) +
         a.wake.capacity() * sizeof(a.wake[0]);
}

void BM_FleeSynthetic(benchmark::State& state) {
  const auto agents = static_cast<std::int64_t>(state.range(0));
  const int threads = static_cast<int>(state.range(1));
  const FleeWorld world = make_synthetic_flee_world(1000, kDays, 7);
  double bytes_per_agent = 0, acted_share = 0;
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
    acted_share = static_cast<double>(rules.stats().agent_days_acted) / (static_cast<double>(agents) * kDays);
    benchmark::DoNotOptimize(rules.location_counts().data());
    state.ResumeTiming();
  }
  state.counters["agent_steps_per_s"] =
      benchmark::Counter(static_cast<double>(agents) * kDays, benchmark::Counter::kIsIterationInvariantRate);
  state.counters["bytes_per_agent"] = bytes_per_agent;
  state.counters["acted_share"] = acted_share;
  state.counters["threads"] = threads;
}

// Agents as Syria's case holds them after its first months: nearly all in camps.
void BM_FleeSyriaSized(benchmark::State& state) {
  constexpr std::int64_t kAgents = 4'000'000;
  constexpr std::int32_t kSyriaDays = 1000;
  const int threads = static_cast<int>(state.range(0));
  const FleeWorld world = make_synthetic_flee_world(1000, kSyriaDays, 7);
  double acted_share = 0;
  for (auto _ : state) {
    state.PauseTiming();
    FleeRules rules(world, 1);
    rules.reserve_agents(static_cast<std::size_t>(kAgents));
    const auto in_conflict = kAgents / 100;
    for (LocationId i = 0; i < 1000; i += 10) rules.add_agents(i, in_conflict / 100);  // conflict zones
    for (LocationId i = 9; i < 1000; i += 10) rules.add_agents(i, (kAgents - in_conflict) / 100);  // camps
    state.ResumeTiming();
    EngineOptions options;
    options.threads = threads;
    run_days(rules, options);
    state.PauseTiming();
    acted_share = static_cast<double>(rules.stats().agent_days_acted) / (static_cast<double>(kAgents) * kSyriaDays);
    benchmark::DoNotOptimize(rules.location_counts().data());
    state.ResumeTiming();
  }
  state.counters["agent_days_per_s"] =
      benchmark::Counter(static_cast<double>(kAgents) * kSyriaDays, benchmark::Counter::kIsIterationInvariantRate);
  state.counters["acted_share"] = acted_share;
  state.counters["threads"] = threads;
}

BENCHMARK(BM_FleeSyriaSized)->ArgNames({"threads"})->Arg(1)->Arg(2)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();

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
