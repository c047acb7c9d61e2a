#include "exodus/io/scenario/scenario_reader.h"

#include <fmt/format.h>

#include <string>
#include <vector>

#include "exodus/core/digit_grouping.h"
#include "exodus/io/scenario/priors_reader.h"
#include "exodus/io/scenario/scenario_tables.h"
#include "exodus/world/scenario_hazard.h"

namespace exodus::scenario_io {

namespace {

// Agents keep their region and destination in one byte and their checkpoint in two (with one
// value meaning "by air"): the most a scenario may have of each.
constexpr std::size_t kMaxRegions = 256, kMaxDestinations = 256, kMaxCheckpoints = 65535;
// Each day walks the events begun so far, so a run costs events x days.
constexpr std::size_t kMaxEvents = 100'000;

}  // namespace

// Priors (optional): what a calibration varies. Their addresses name rows, so they are read
// once the tables read cleanly.
void Reader::priors() {
  auto file = read_optional("priors.csv");
  if (file) s.priors = read_priors(*file, s, errors);
}

void Reader::check_sizes() {
  const auto too_many = [&](std::size_t count, std::size_t most, const std::string& file, const char* what) {
    if (count > most)
      errors.add({file, 0, ""}, fmt::format("defines {} {}; exodus handles at most {} (each agent stores it in {})",
                                            grouped(static_cast<std::int64_t>(count)), what,
                                            grouped(static_cast<std::int64_t>(most)),
                                            most > 256 ? "two bytes" : "one byte"));
  };
  too_many(s.regions.size(), kMaxRegions, regions_file, "regions");
  too_many(s.destinations.size(), kMaxDestinations, destinations_file, "destinations");
  too_many(s.checkpoints.size(), kMaxCheckpoints, folder.display_name("checkpoints.csv"), "checkpoints");
  if (s.events.size() > kMaxEvents)
    errors.add({folder.display_name("events.csv"), 0, ""},
               fmt::format("defines {} events; exodus handles at most {} (each day walks the events begun so far)",
                           grouped(static_cast<std::int64_t>(s.events.size())),
                           grouped(static_cast<std::int64_t>(kMaxEvents))));
}

// A destination no checkpoint or flight leads to could never receive anyone: almost always a
// name typed differently in two tables.
void Reader::check_reachable() {
  std::vector<bool> reached(s.destinations.size(), false);
  for (const auto& c : s.checkpoints) reached[c.destination] = true;
  for (const auto& f : s.flights) reached[f.destination] = true;
  for (std::size_t d = 0; d < s.destinations.size(); ++d)
    if (!reached[d])
      errors.add({destinations_file, destination_lines[d], "destination"},
                 fmt::format("no checkpoint (checkpoints.csv) or flight (flights.csv) leads to '{}', so nobody "
                             "could ever reach it", s.destinations[d].name));
}

// Every leaver is an agent; refuse a scenario whose pools and hazards would create more than
// the limit allows, before any memory is spent on it.
void Reader::check_agent_count() {
  const LeaverForecast forecast = forecast_leavers(s);
  if (forecast.expected <= static_cast<double>(limits.max_agents)) return;
  const auto r = forecast.largest_region;
  const auto& region = s.regions[r];
  errors.add({regions_file, region_lines[r], region.eligible_pool >= region.other_pool ? "eligible_pool" : "other_pool"},
             fmt::format("the pools and hazards would make about {:.3g} people leave, each an agent (about {:.3g} GB); "
                         "region '{}' alone about {:.3g}; {}",
                         forecast.expected, forecast.expected * kExodusBytesPerAgent / 1e9, region.name,
                         forecast.largest_expected, limit_clause(limits.max_agents, "--max-agents")));
}

namespace {

// The scenario folder's files in order, each by its own reader (scenario_file.cc,
// regions_reader.cc, ...: a table may name rows of those read before it); the checks across
// tables and the priors, which address the tables' rows, once they read cleanly.
Reader read_all(const FileSource& folder, const InputLimits& limits) {
  Reader r{folder, limits, {}, {}, {}, {}, {}, {}, {}, false};
  r.scenario_file();
  r.regions();
  r.destinations();
  r.leavers();
  r.checkpoints();
  r.flights();
  r.events();
  r.targets();
  r.check_sizes();
  if (r.errors.empty()) r.check_reachable();
  if (r.errors.empty()) r.check_agent_count();
  if (r.errors.empty()) r.priors();
  return r;
}

}  // namespace

}  // namespace exodus::scenario_io

namespace exodus {

Scenario read_scenario(const FileSource& folder, const InputLimits& limits) {
  scenario_io::Reader r = scenario_io::read_all(folder, limits);
  r.errors.throw_if_any();
  return std::move(r.s);
}

std::vector<InputError> check_scenario(const FileSource& folder, const InputLimits& limits) {
  return scenario_io::read_all(folder, limits).errors.errors();
}

}  // namespace exodus
