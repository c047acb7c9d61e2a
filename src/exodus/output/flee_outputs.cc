#include "exodus/output/inputs_json.h"
#include "exodus/output/flee_outputs.h"

#include <nlohmann/json.hpp>

#include "exodus/world/flee_settings_registry.h"
#include "exodus/output/json_text.h"

namespace exodus {

using nlohmann::json;

namespace {
json settings_json(const FleeSettings& s) {
  const char* mode = "from_data";
  if (s.spawn_mode == FleeSpawnMode::kConstant) mode = "constant";
  if (s.spawn_mode == FleeSpawnMode::kPopRatio) mode = "pop_ratio";
  if (s.spawn_mode == FleeSpawnMode::kPoisson) mode = "poisson";
  json out = {
      {"spawn_rules",
       {{"take_from_population", s.take_from_population},
        {"insert_day0", s.insert_day0},
        {"sum_from_camps", s.sum_from_camps},
        {"spawn_mode", mode},
        {"conflict_spawn_decay", s.conflict_spawn_decay},
        {"conflict_spawn_decay_interval", s.conflict_spawn_decay_interval}}},
      {"move_rules", {{"use_pop_for_loc_weight", s.use_pop_for_loc_weight}}},
      {"optimisations", {{"hasten", s.hasten}}}};
  // The settings a calibration may vary, from their registry (world/flee_settings_registry.h).
  for (const auto& setting : flee_settings_registry()) {
    auto& section = out[setting.section];
    if (setting.integer()) section[setting.key] = static_cast<int>(setting.get(s));
    else section[setting.key] = setting.get(s);
  }
  return out;
}
}  // namespace

std::string flee_manifest_json(const FleeWorld& world, const RunIdentity& id) {
  const json inputs = inputs_json(id);
  const json manifest = {
      {"exodus_version", EXODUS_VERSION},
      {"rule_set", "flee"},
      {"case", world.case_name},
      {"command", id.command_line},
      {"seed", id.seed},
      {"threads", id.threads},
      {"start_date", world.start_date.iso()},
      {"days", world.days},
      {"settings_origin", id.settings_origin},
      {"settings", settings_json(world.settings)},
      {"inputs", inputs},
      {"outputs", id.outputs}};
  return json_text(manifest);
}

std::string flee_summary_json(const FleeWorld& world, const FleeRunResult& run, const FleeScore& score) {
  json daily = json::array();
  for (std::size_t d = 0; d < score.error.size(); ++d)
    daily.push_back({{"day", d},
                     {"date", world.date_of_day(d).iso()},
                     {"error", score.error[d]},
                     {"error_rescaled", score.error_rescaled[d]},
                     {"total_error", score.total_error[d]}});
  const json summary = {
      {"case", world.case_name},
      {"days", run.days_run},
      {"agents", run.final_agents},
      {"agents_in_camps", run.table.sim_in_camps.empty() ? 0 : run.table.sim_in_camps.back()},
      {"wall_seconds", run.wall_seconds},
      {"agent_days", run.agent_days},
      {"agent_days_per_second", run.wall_seconds > 0 ? static_cast<double>(run.agent_days) / run.wall_seconds : 0.0},
      {"validation",
       {{"has_data", world.has_validation()},
        {"ard", score.ard},
        {"ard_rescaled", score.ard_rescaled},
        {"mean_total_error", score.mean_total_error},
        {"daily", daily}}},
      {"warnings", world.warnings},
      {"events",
       {{"route_not_found", run.stats.route_not_found},
        {"turned_back", run.stats.turned_back},
        {"link_entries", run.stats.link_entries},
        {"unplaced_spawns", run.stats.unplaced_spawns},
        {"agent_days_acted", run.stats.agent_days_acted}}}};
  return json_text(summary);
}

}  // namespace exodus
