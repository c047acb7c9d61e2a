#include "exodus/app/load_scenario.h"

#include <memory>

#include <fmt/format.h>

#include "exodus/core/digit_grouping.h"
#include "exodus/core/embedded_files.h"
#include "exodus/io/scenario/scenario_reader.h"
#include "exodus/recorder/exodus_recorder.h"

namespace exodus {

namespace fs = std::filesystem;

namespace {

// Refuses a scenario whose daily series would not fit the limit, naming the table behind most.
void check_recorded_values(const Scenario& s, const FileSource& source, const InputLimits& limits) {
  const auto count = ExodusRecorder::series_count(s);
  const double values = static_cast<double>(count.all()) * static_cast<double>(s.days);
  if (values <= static_cast<double>(limits.max_daily_values)) return;
  const std::pair<std::size_t, const char*> parts[] = {
      {count.checkpoints, "checkpoints.csv"}, {count.flights, "flights.csv"}, {count.destinations, "destinations.csv"},
      {count.roads, "regions.csv"}};  // a road per region and checkpoint
  const auto* largest = &parts[0];
  for (const auto& p : parts)
    if (p.first > largest->first) largest = &p;
  throw InputError({source.display_name(largest->second), 0, ""},
                   fmt::format("the run would record {} daily series over {} days, {:.3g} values (about {:.3g} GB); "
                               "{}",
                               grouped(static_cast<std::int64_t>(count.all())), grouped(s.days), values,
                               values * 8 / 1e9, limit_clause(limits.max_daily_values, "--max-daily-values")));
}

}  // namespace

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
  check_recorded_values(out.scenario, *source, limits);
  out.scenario.folder = folder ? folder->string() : "embedded:" + std::string(embedded_default_scenario_name());
  out.inputs = recorded.records();
  return out;
}

std::vector<InputError> check_scenario_inputs(const FileSource& folder, const InputLimits& limits) {
  auto problems = check_scenario(folder, limits);
  if (!problems.empty()) return problems;
  try {
    check_recorded_values(read_scenario(folder, limits), folder, limits);
  } catch (const InputError& e) {
    problems.push_back(e);
  }
  return problems;
}

void check_members_fit(const Scenario& s, std::size_t members, const InputLimits& limits) {
  const double per_run = static_cast<double>(ExodusRecorder::series_count(s).all()) * static_cast<double>(s.days);
  const double values = per_run * static_cast<double>(members);
  if (values <= static_cast<double>(limits.max_daily_values)) return;
  throw InputError({"--members", 0, ""},
                   fmt::format("{} runs of {:.3g} daily values each would be held together, {:.3g} values (about {:.3g} GB); "
                               "{}",
                               grouped(static_cast<std::int64_t>(members)), per_run, values, values * 8 / 1e9,
                               limit_clause(limits.max_daily_values, "--max-daily-values")));
}

}  // namespace exodus
