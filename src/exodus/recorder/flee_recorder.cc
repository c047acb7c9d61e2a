#include "exodus/recorder/flee_recorder.h"

namespace exodus {

FleeRecorder::FleeRecorder(const FleeWorld& world) : world_(world) {
  for (const auto camp : world.camps) table_.camps.push_back(world.graph.location(camp).name);
}

void FleeRecorder::record(std::int32_t day, const FleeRules& rules) {
  const auto counts = rules.location_counts();
  const auto d = static_cast<std::size_t>(day);
  std::vector<std::int64_t> sim, data;
  std::int64_t sim_total = 0, data_total = 0;
  for (std::size_t c = 0; c < world_.camps.size(); ++c) {
    sim.push_back(counts[world_.camps[c]]);
    const auto series = world_.has_validation() ? world_.camp_series[c] : -1;
    data.push_back(series >= 0 ? world_.series[static_cast<std::size_t>(series)].daily[d] : 0);
    sim_total += sim.back();
    data_total += data.back();
  }
  table_.sim.push_back(std::move(sim));
  table_.data.push_back(std::move(data));
  table_.sim_in_camps.push_back(sim_total);
  table_.data_in_camps.push_back(data_total);
  table_.agents.push_back(static_cast<std::int64_t>(rules.agent_count()));
  table_.raw_count.push_back(rules.spawn_day(day).raw_count);
  table_.debt.push_back(rules.spawn_day(day).debt);
}

}  // namespace exodus
