#include "exodus/world/synthetic_flee.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "exodus/core/random.h"

namespace exodus {

FleeWorld make_synthetic_flee_world(std::uint32_t locations, std::int32_t days, std::uint64_t seed) {
  FleeWorld w;
  w.case_name = fmt::format("synthetic-{}", locations);
  w.settings.spawn_mode = FleeSpawnMode::kConstant;
  w.settings.displaced_per_conflict_day = 0;  // agents are placed by the caller
  w.settings.conflict_weight = 0.25;
  w.start_date = *Date::parse("2020-01-01");
  w.days = days;

  CounterRng rng(seed, RandomPurpose::kSynthetic, 0, 0);
  std::vector<Location> locs;
  std::vector<double> x, y;
  for (std::uint32_t i = 0; i < locations; ++i) {
    const bool camp = i % 10 == 9;
    locs.push_back({fmt::format("L{}", i), "R", camp ? "Abroad" : "Home", 0, 0});
    x.push_back(rng.next_unit() * 2000.0);  // km
    y.push_back(rng.next_unit() * 2000.0);
    FleeLocationStart s;
    if (camp) {
      s.flags = kFleeCamp;
      s.movechance = w.settings.camp_movechance;
      s.capacity = 50000;
      s.foreign = true;
    } else if (i % 10 == 0) {
      s.movechance = w.settings.conflict_movechance;
      s.conflict = 1.0;
      s.population = 100000;
    } else {
      s.flags = kFleeTown;
      s.movechance = w.settings.default_movechance;
      s.population = 10000;
    }
    w.start_state.push_back(s);
  }
  // Each location links to its three nearest others (both ways).
  std::vector<Link> links;
  std::vector<std::pair<double, std::uint32_t>> near;
  for (std::uint32_t i = 0; i < locations; ++i) {
    near.clear();
    for (std::uint32_t j = 0; j < locations; ++j)
      if (j != i) near.emplace_back(std::hypot(x[i] - x[j], y[i] - y[j]), j);
    const std::size_t k = std::min<std::size_t>(3, near.size());
    std::partial_sort(near.begin(), near.begin() + static_cast<std::ptrdiff_t>(k), near.end());
    for (std::size_t n = 0; n < k; ++n) {
      const double d = std::max(1.0, near[n].first);
      links.push_back({i, near[n].second, d, 0, 0});
      links.push_back({near[n].second, i, d, 0, 0});
    }
  }
  w.graph = Graph(std::move(locs), std::move(links));
  for (LocationId i = 0; i < locations; ++i)
    if (w.start_state[i].flags & kFleeCamp) w.camps.push_back(i);
  w.conflict_changes.resize(static_cast<std::size_t>(days));
  return w;
}

}  // namespace exodus
