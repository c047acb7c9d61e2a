#include "exodus/run/exodus_run.h"

#include <chrono>

#include "exodus/recorder/exodus_recorder.h"
#include "exodus/sim/engine.h"
#include "exodus/sim/exodus/exodus_rules.h"

namespace exodus {

ExodusRunResult run_exodus(const Scenario& scenario, const RunOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  ExodusRules rules(scenario, options.seed);
  ExodusRecorder recorder(scenario);
  ExodusRunResult result;
  EngineOptions engine = engine_options(options);
  engine.after_day = [&](std::int32_t day) {
    recorder.record(rules.today());
    if (options.progress) options.progress(day + 1, scenario.days, rules.agent_count());
  };
  result.days_run = run_days(rules, engine);
  result.interrupted = result.days_run < scenario.days;
  result.series = recorder.take();
  result.leavers = rules.agent_count();
  result.pool_left = rules.pool_left();
  result.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace exodus
