#include "exodus/app/flee_case.h"

#include <algorithm>
#include <memory>

#include <fmt/format.h>

#include "exodus/core/embedded_files.h"
#include "exodus/io/flee/flee_readers.h"
#include "exodus/io/flee/flee_world_builder.h"
#include "exodus/core/digit_grouping.h"
#include "exodus/sim/flee/agent_bound.h"
#include "exodus/sim/flee/route_paths.h"

namespace exodus {

namespace fs = std::filesystem;

namespace {

// Refuses a case that would create more agents than the limit, naming the input behind most
// of them.
void check_agent_count(const FleeWorld& world, const FleeInputs& inputs, const InputLimits& limits) {
  const FleeAgentBound bound = flee_agent_bound(world);
  if (bound.agents <= static_cast<double>(limits.max_agents)) return;
  SourcePos pos{inputs.locations_file, 0, ""};
  std::string what = "its camps' starting populations";
  if (bound.largest == FleeAgentSource::kValidationData && inputs.validation) {
    pos = {inputs.validation->layout_file, 0, ""};
    what = "the validation data's arrivals (data-driven spawning)";
  } else if (bound.largest == FleeAgentSource::kConflictSpawning) {
    pos = {inputs.settings.source, 0, "spawn_rules.conflict_driven_spawning.displaced_per_conflict_day"};
    what = "conflict-driven spawning at its largest intensity every day";
  }
  throw InputError(pos, fmt::format("the case would create about {:.3g} agents, from {} (about {:.3g} GB of agent "
                                    "state); {}",
                                    bound.agents, what, bound.agents * kFleeBytesPerAgent / 1e9,
                                    limit_clause(limits.max_agents, "--max-agents")));
}

// Refuses a case whose out.csv would not fit the limit: a simulated and an observed value per
// camp and day.
void check_out_csv_size(const FleeWorld& world, const FleeInputs& inputs, const InputLimits& limits) {
  const double values = 2.0 * static_cast<double>(world.camps.size()) * static_cast<double>(world.days);
  if (values <= static_cast<double>(limits.max_daily_values)) return;
  throw InputError({inputs.locations_file, 0, ""},
                   fmt::format("the run would record {} camps over {} days, {:.3g} values (about {:.3g} GB); {}",
                               grouped(static_cast<std::int64_t>(world.camps.size())), grouped(world.days), values,
                               values * 8 / 1e9, limit_clause(limits.max_daily_values, "--max-daily-values")));
}

}  // namespace

// Counts the routes with bounded work.
void check_flee_routes(const FleeWorld& world, const FleeInputs& inputs, const InputLimits& limits) {
  std::vector<bool> is_marker(world.graph.location_count());
  for (LocationId i = 0; i < world.graph.location_count(); ++i)
    is_marker[i] = (world.start_state[i].flags & kFleeMarker) != 0;
  const auto cap = static_cast<std::uint64_t>(limits.max_route_steps);
  const RouteSearchSize size = route_search_size(world.graph, is_marker, world.settings.awareness_level, cap);
  const SourcePos at{inputs.routes_file, 0, ""};
  if (size.complete && size.longest > kMaxRouteLength)
    throw InputError(at, fmt::format("a route passes {} locations (markers included); routes may have at most {} "
                                     "steps",
                                     size.longest, kMaxRouteLength));
  if (size.complete && size.steps <= cap) return;
  const std::string how_many =
      size.complete ? fmt::format("{} routes of {} steps in all (about {:.3g} GB)", grouped(size.paths),
                                  grouped(size.steps), size.bytes() / 1e9)
                    : fmt::format("more than {} links to follow", grouped(cap));
  throw InputError(at, fmt::format("the route search at awareness_level {} has {}: routes grow factorially "
                                   "through markers and as links^awareness_level around a hub; {}",
                                   world.settings.awareness_level, how_many,
                                   limit_clause(limits.max_route_steps, "--max-route-steps")));
}

LoadedFleeCase load_flee_case(const FleeCaseSpec& spec) {
  std::unique_ptr<FileSource> input, validation, settings_folder;
  std::string case_name;
  if (spec.input_dir) {
    if (!fs::is_directory(*spec.input_dir))
      throw InputError({spec.input_dir->string(), 0, ""}, "is not a folder (--flee expects a Flee input folder)");
    input = std::make_unique<DirectorySource>(*spec.input_dir, spec.limits.max_file_bytes);
    fs::path folder = fs::absolute(*spec.input_dir).lexically_normal();
    if (folder.filename().empty()) folder = folder.parent_path();
    // A case laid out as <case>/input (as exodus ships Flee's cases) is named by <case>.
    if (folder.filename() == "input" && !folder.parent_path().filename().empty()) folder = folder.parent_path();
    case_name = folder.filename().string();
    if (spec.validation_dir) {
      if (!fs::is_directory(*spec.validation_dir))
        throw InputError({spec.validation_dir->string(), 0, ""}, "is not a folder (--validation expects a Flee validation folder)");
      validation = std::make_unique<DirectorySource>(*spec.validation_dir, spec.limits.max_file_bytes);
    }
    settings_folder = std::make_unique<DirectorySource>(*spec.input_dir, spec.limits.max_file_bytes);
  } else {
    case_name = std::string(embedded_default_case_name());
    input = std::make_unique<EmbeddedSource>(case_name, "input");
    validation = std::make_unique<EmbeddedSource>(case_name, "validation");
    settings_folder = std::make_unique<EmbeddedSource>(case_name, "");
  }

  RecordingSource recorded_input(*input);
  std::unique_ptr<RecordingSource> recorded_validation;
  if (validation) recorded_validation = std::make_unique<RecordingSource>(*validation);

  std::optional<TextFile> settings;
  if (spec.settings_file) settings = read_text_file(*spec.settings_file, spec.limits.max_file_bytes);
  else settings = settings_folder->read("simsetting.yml");
  if (settings) recorded_input.note(*settings);

  ErrorList errors;
  FleeInputs inputs = read_flee_case(recorded_input, recorded_validation.get(),
                                     settings ? &*settings : nullptr, spec.limits, errors);
  if (!errors.empty()) {
    // The cross-file checks (names, day counts) run too, so one pass lists every problem; but
    // only when the problems lie in files nothing else is checked against (routes, closures,
    // corrections): a row dropped from locations.csv, conflicts.csv, sim_period.csv or the
    // validation data would be reported again as missing.
    const bool roots_clean = std::all_of(errors.errors().begin(), errors.errors().end(), [&](const InputError& e) {
      return e.pos().file == inputs.routes_file || e.pos().file == inputs.closures_file ||
             e.pos().file == inputs.corrections_file;
    });
    if (roots_clean) {
      try {
        build_flee_world(inputs, case_name);
      } catch (const InputErrors& e) {
        errors.add_all(e);
      } catch (const InputError& e) {
        errors.add(e);
      }
    }
    errors.throw_if_any();
  }
  LoadedFleeCase loaded{build_flee_world(inputs, case_name), {}, {}, settings ? settings->name : "Flee's code defaults"};
  if (spec.max_days > 0 && spec.max_days < loaded.world.days) loaded.world.days = spec.max_days;
  check_agent_count(loaded.world, inputs, spec.limits);
  check_flee_routes(loaded.world, inputs, spec.limits);
  check_out_csv_size(loaded.world, inputs, spec.limits);
  loaded.inputs = recorded_input.records();
  if (recorded_validation)
    for (const auto& r : recorded_validation->records()) loaded.inputs.push_back(r);
  loaded.read = std::move(inputs);
  return loaded;
}

}  // namespace exodus
