#include "exodus/app/exodus_run.h"

#include <chrono>
#include <memory>

#include "exodus/core/embedded_files.h"
#include "exodus/io/scenario/scenario_reader.h"
#include "exodus/recorder/exodus_recorder.h"
#include "exodus/sim/engine.h"
#include "exodus/sim/exodus/exodus_rules.h"

namespace exodus {

namespace fs = std::filesystem;

LoadedScenario load_scenario(const std::optional<fs::path>& folder, const InputLimits& limits) {
  std::unique_ptr<FileSource> source;
  std::string name;
  if (folder) {
    if (!fs::is_directory(*folder))
      throw InputError({folder->string(), 0, ""}, "is not a folder (expected a scenario folder with scenario.yaml)");
    source = std::make_unique<DirectorySource>(*folder, limits.max_file_bytes);
  } else {
    source = std::make_unique<EmbeddedSource>(std::string(embedded_default_scenario_name()), "");
  }
  RecordingSource recorded(*source);
  LoadedScenario out{read_scenario(recorded, limits), {}};
  out.scenario.folder = folder ? folder->string() : "embedded:" + std::string(embedded_default_scenario_name());
  out.inputs = recorded.records();
  return out;
}

ExodusRunResult run_exodus(const Scenario& scenario, const ExodusRunOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  ExodusRules rules(scenario, options.seed);
  ExodusRecorder recorder(scenario);
  ExodusRunResult result;
  EngineOptions engine;
  engine.threads = options.threads;
  engine.pool = options.pool;
  engine.stop = options.stop;
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
