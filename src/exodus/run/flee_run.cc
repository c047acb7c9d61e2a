#include "exodus/run/flee_run.h"

#include <chrono>

#include "exodus/recorder/flee_recorder.h"
#include "exodus/sim/engine.h"

namespace exodus {

FleeRunResult run_flee(const FleeWorld& world, const RunOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  FleeRules rules(world, options.seed);
  FleeRecorder recorder(world);
  FleeRunResult result;
  EngineOptions engine = engine_options(options);
  engine.after_day = [&](std::int32_t day) {
    recorder.record(day, rules);
    result.agent_days += static_cast<std::int64_t>(rules.agent_count());
    if (options.progress) options.progress(day + 1, world.days, rules.agent_count());
  };
  result.days_run = run_days(rules, engine);
  result.interrupted = result.days_run < world.days;
  result.table = recorder.table();
  result.stats = rules.stats();
  result.final_agents = rules.agent_count();
  result.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace exodus
