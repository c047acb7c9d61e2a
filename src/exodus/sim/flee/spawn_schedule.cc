#include "exodus/sim/flee/spawn_schedule.h"

namespace exodus {

std::vector<SpawnDay> data_driven_spawns(const FleeWorld& world) {
  std::vector<SpawnDay> out(static_cast<std::size_t>(world.days));
  if (!world.has_validation() || world.settings.spawn_mode != FleeSpawnMode::kFromData) return out;
  const bool from_camps = world.settings.sum_from_camps;
  std::int64_t raw = 0, debt = 0;
  for (std::size_t t = 0; t < out.size(); ++t) {
    std::int64_t difference = 0;
    if (t == 0) {
      if (from_camps)
        for (const auto& s : world.series) difference += s.daily[0];
      else
        difference = world.series[0].daily[0];
    } else if (from_camps) {
      for (std::size_t k = 1; k < world.series.size(); ++k)
        difference += world.series[k].daily[t] - world.series[k].daily[t - 1];
    } else {
      difference = world.series[0].daily[t] - world.series[0].daily[t - 1];
    }
    raw += difference;
    std::int64_t fresh = t == 0 ? 0 : difference - debt;
    if (fresh < 0) {
      debt = -fresh;
      fresh = 0;
    } else {
      debt = 0;
    }
    out[t] = {fresh, raw, debt};
  }
  return out;
}

}  // namespace exodus
