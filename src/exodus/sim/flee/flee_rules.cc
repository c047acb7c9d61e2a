#include "exodus/sim/flee/flee_rules.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <random>

#include "exodus/core/philox_batch.h"
#include "exodus/core/set_bits.h"
#include "exodus/sim/daily_chance.h"

namespace exodus {

namespace {

constexpr std::uint8_t kNotTown = static_cast<std::uint8_t>(~kFleeTown);

}  // namespace

FleeRules::FleeRules(const FleeWorld& world, std::uint64_t seed)
    : world_(world),
      settings_(world.settings),
      seed_(seed),
      location_count_(world.graph.location_count()),
      spawns_(data_driven_spawns(world)) {
  std::vector<bool> is_marker(location_count_);
  state_.resize(location_count_);
  for (LocationId i = 0; i < location_count_; ++i) {
    const auto& s = world.start_state[i];
    is_marker[i] = (s.flags & kFleeMarker) != 0;
    state_[i] = {s.flags, s.movechance, s.conflict, -1, s.population, s.capacity};
  }
  paths_ = RoutePaths(world.graph, is_marker, settings_.awareness_level);
  count_.assign(location_count_, 0);
  link_open_.assign(world.graph.link_count(), 1);
  movechance_today_.assign(location_count_, 0);
  hazard_today_.assign(location_count_, 0);
  quick_wake_.assign(location_count_ * kQuickDays, 0);
  chance_drawn_.assign(location_count_, 0);
  chance_changed_.assign(location_count_, 0);
  wake_lists_.resize(static_cast<std::size_t>(std::max(world.days, 0)));
  full_camp_today_.assign(location_count_, 0);
  table_of_.assign(location_count_, 0);
  score_.assign(location_count_, 1);
  cap_mult_.assign(location_count_, 1);

  std::int64_t expected = 0;
  for (const auto& d : spawns_) expected += d.new_agents;
  for (std::size_t c = 0; c < world.camps.size(); ++c)
    if (world.has_validation() && world.camp_series[c] >= 0)
      expected += world.series[static_cast<std::size_t>(world.camp_series[c])].daily[0];
  agents_.reserve(static_cast<std::size_t>(std::max<std::int64_t>(expected, 0)));

  // Day-0 insertion: each camp starts with its day-0 data value and its initial_idps.
  for (std::size_t c = 0; c < world.camps.size(); ++c) {
    const LocationId camp = world.camps[c];
    std::int64_t n = world.start_state[camp].initial_idps;
    if (settings_.insert_day0 && world.has_validation() && world.camp_series[c] >= 0)
      n += world.series[static_cast<std::size_t>(world.camp_series[c])].daily[0];
    add_agents(camp, n);
  }
}

void FleeRules::add_agents(LocationId at, std::int64_t count) {
  for (std::int64_t k = 0; k < count; ++k) agents_.add_at(at);
  count_[at] += std::max<std::int64_t>(count, 0);
}

double FleeRules::conflict_decay(std::int32_t elapsed) const {
  const auto& decay = settings_.conflict_spawn_decay;
  if (decay.empty()) return 1.0;
  const auto index = static_cast<std::size_t>(
      std::max(0, elapsed / settings_.conflict_spawn_decay_interval));
  return decay[std::min(index, decay.size() - 1)];
}

double FleeRules::capacity_multiplier(LocationId loc) const {
  const double cap = state_[loc].capacity * settings_.capacity_scaling;
  if (cap < 1) return 1.0;
  const auto n = static_cast<double>(count_[loc]);
  const double buffer = settings_.capacity_buffer;
  if (n <= buffer * cap) return 1.0;
  if (n >= cap) return 0.0;
  return 1.0 - (n - buffer * cap) / (cap * (1.0 - buffer));
}

void FleeRules::apply_conflicts(std::int32_t day) {
  for (const auto& change : world_.conflict_changes[static_cast<std::size_t>(day)]) {
    auto& s = state_[change.location];
    if (change.intensity > 0) {
      s.movechance = settings_.conflict_movechance;
      s.conflict = change.intensity;
      s.flags &= kNotTown;
      s.time_of_conflict = day;
    } else {
      s.movechance = settings_.default_movechance;
      s.conflict = -1;
      s.flags |= kFleeTown;
    }
  }
}

void FleeRules::spawn(std::int32_t day) {
  std::vector<std::int64_t> per_location(location_count_, 0);
  if (settings_.spawn_mode == FleeSpawnMode::kFromData) {
    if (day == 0 && settings_.insert_day0) {
      // Flee lowers each camp's capacity by its day-0 population, which was also inserted.
      for (const auto& series : world_.series) {
        const auto loc = world_.graph.find(series.name);
        if (loc != kNoLocation && state_[loc].capacity > 0)
          state_[loc].capacity -= static_cast<double>(series.daily[0]);
      }
    }
    const std::int64_t n = spawns_[static_cast<std::size_t>(day)].new_agents;
    if (n <= 0) return;
    std::vector<double> weights(location_count_, 0.0);
    double total = 0;
    for (LocationId i = 0; i < location_count_; ++i) {
      const auto& s = state_[i];
      if (s.conflict > 0)
        weights[i] = static_cast<double>(s.population) * s.conflict *
                     conflict_decay(day - s.time_of_conflict);
      total += weights[i];
    }
    if (!(total > 0)) {
      stats_.unplaced_spawns += n;
      return;
    }
    AliasPool origins;
    const auto table = origins.add(weights);
    CounterRng rng(seed_, RandomPurpose::kSpawn, static_cast<std::uint32_t>(day), 0);
    for (std::int64_t k = 0; k < n; ++k) ++per_location[origins.sample(table, rng)];
  } else {
    for (LocationId i = 0; i < location_count_; ++i) {
      const auto& s = state_[i];
      if (!(s.conflict > 0)) continue;
      const double base = settings_.displaced_per_conflict_day;
      switch (settings_.spawn_mode) {
        case FleeSpawnMode::kConstant:
          per_location[i] = static_cast<std::int64_t>(base * s.conflict);
          break;
        case FleeSpawnMode::kPopRatio:
          per_location[i] = static_cast<std::int64_t>(base * static_cast<double>(s.population) * s.conflict);
          break;
        case FleeSpawnMode::kPoisson: {
          CounterRng rng(seed_, RandomPurpose::kSpawn, static_cast<std::uint32_t>(day), i + 1);
          CounterUrbg urbg{rng};
          per_location[i] = std::poisson_distribution<std::int64_t>(base * s.conflict)(urbg);
          break;
        }
        case FleeSpawnMode::kFromData:
          break;
      }
    }
  }
  // Agents are created location by location, so agent ids do not depend on sampling order.
  for (LocationId i = 0; i < location_count_; ++i) {
    if (per_location[i] == 0) continue;
    if (settings_.take_from_population)
      state_[i].population = std::max<std::int64_t>(0, state_[i].population - per_location[i]);
    add_agents(i, per_location[i]);
  }
}

void FleeRules::apply_closures(std::int32_t day) {
  std::vector<LinkId> newly_closed;
  const auto set_camp = [&](LocationId loc, bool open, bool idp) {
    auto& s = state_[loc];
    s.conflict = -1;
    if (open) {
      s.flags = kFleeCamp;
      s.movechance = settings_.camp_movechance;
      if (idp) {
        s.flags |= kFleeIdpCamp;
        s.movechance = settings_.idpcamp_movechance;
      }
    } else {
      s.flags = kFleeTown;
      s.movechance = settings_.default_movechance;
    }
  };
  for (const auto& c : world_.closures) {
    const bool closes = day == c.start;
    const bool reopens = day == c.end;
    if (!closes && !reopens) continue;
    switch (c.kind) {
      case FleeClosureKind::kLinks:
        if (closes)
          for (auto l : c.links)
            if (link_open_[l]) {
              link_open_[l] = 0;
              newly_closed.push_back(l);
            }
        if (reopens)
          for (auto l : c.links) link_open_[l] = 1;
        break;
      case FleeClosureKind::kCamp:
      case FleeClosureKind::kIdpCamp: {
        const bool idp = c.kind == FleeClosureKind::kIdpCamp;
        if (closes) set_camp(c.location, false, idp);
        if (reopens) set_camp(c.location, true, idp);
        break;
      }
      case FleeClosureKind::kNoEffect:
        break;
    }
  }
  if (newly_closed.empty()) return;
  // Agents on a link when it closes turn back when they reach its end, even if it reopens
  // meanwhile (as in Flee). Rare, so a scan of all agents is fine.
  std::vector<std::uint8_t> closed_now(world_.graph.link_count(), 0);
  for (auto l : newly_closed) closed_now[l] = 1;
  for (auto& w : agents_.where)
    if ((w & FleeAgents::kOnLink) && closed_now[w & FleeAgents::kIdMask]) w |= FleeAgents::kTurnBack;
}

void FleeRules::prepare_tables(std::int32_t day) {
  const auto& s = settings_;
  for (LocationId i = 0; i < location_count_; ++i) {
    auto& st = state_[i];
    const auto& start = world_.start_state[i];
    if (start.capacity_per_day > 0) st.capacity += static_cast<double>(start.capacity_per_day);
    // Attractiveness, as Flee's location score and endpoint score.
    double score = 1.0;
    if (start.foreign) score *= s.foreign_weight;
    if (st.flags & (kFleeCamp | kFleeIdpCamp)) score *= s.camp_weight;
    if (st.conflict > 0)
      score *= std::pow(s.conflict_weight, conflict_decay(day - st.time_of_conflict) * st.conflict);
    if (s.use_pop_for_loc_weight && !(st.flags & kFleeCamp))
      score *= std::pow(std::max(1.0, static_cast<double>(st.population)), s.pop_power_for_loc_weight);
    score_[i] = score;
    cap_mult_[i] = capacity_multiplier(i);
    full_camp_today_[i] = (st.flags & kFleeCamp) && cap_mult_[i] < 0.5;
    double chance = st.movechance;
    if (s.movechance_pop_scale_factor != 0)
      chance *= std::pow(std::max(static_cast<double>(st.population), st.capacity) / s.movechance_pop_base,
                         s.movechance_pop_scale_factor);
    movechance_today_[i] = chance;
  }

  // Route tables: candidate paths whose links are all open, weighted as Flee weighs them.
  route_tables_.clear();
  candidates_.clear();
  candidate_begin_.assign(location_count_ + 1, 0);
  for (LocationId o = 0; o < location_count_; ++o) {
    candidate_begin_[o] = static_cast<std::uint32_t>(candidates_.size());
    weights_.clear();
    const auto [first, last] = paths_.from(o);
    for (std::uint32_t p = first; p < last; ++p) {
      const auto& path = paths_.path(p);
      bool open = true;
      for (std::uint32_t k = 0; k < path.length && open; ++k) open = link_open_[paths_.link(p, k)];
      if (!open) continue;
      const LocationId e = paths_.end(p);
      double w = (s.weight_softening + score_[e]) /
                 (s.distance_power == 1.0 ? s.softening + path.distance
                                          : std::pow(s.softening + path.distance, s.distance_power)) *
                 cap_mult_[e];
      if (s.weight_power != 1.0) w = std::pow(w, s.weight_power);
      candidates_.push_back(p);
      weights_.push_back(w);
    }
    if (s.pruning_threshold >= 1.001 && !weights_.empty()) {
      const double floor = *std::max_element(weights_.begin(), weights_.end()) / s.pruning_threshold;
      std::size_t kept = 0;
      const std::size_t base = candidate_begin_[o];
      for (std::size_t k = 0; k < weights_.size(); ++k) {
        if (weights_[k] < floor) continue;
        weights_[kept] = weights_[k];
        candidates_[base + kept] = candidates_[base + k];
        ++kept;
      }
      weights_.resize(kept);
      candidates_.resize(base + kept);
    }
    table_of_[o] = route_tables_.add(weights_);
  }
  candidate_begin_[location_count_] = static_cast<std::uint32_t>(candidates_.size());
}

void FleeRules::begin_day(std::int32_t day) {
  apply_conflicts(day);
  spawn(day);
  apply_closures(day);
  prepare_tables(day);
  redraw_where_chance_changed(day);
  draw_new_agents(day);
  load_due(day);
}

std::int32_t FleeRules::wake_day(std::int32_t day, LocationId at, double u) const {
  // Most draws at a town come up within a few days: those are found by comparing u with the
  // chances of acting within 1, 2, ... days, without a logarithm.
  const double* quick = &quick_wake_[at * kQuickDays];
  if (u < quick[kQuickDays - 1]) {
    std::int32_t idle = 0;
    while (!(u < quick[idle])) ++idle;
    return day + idle < world_.days ? day + idle : world_.days;
  }
  return first_day_at_constant_hazard(day - 1, hazard_today_[at], exponential_of_unit(u), world_.days);
}

void FleeRules::draw_wake(std::uint32_t agent, std::int32_t day) {
  CounterRng rng(seed_, RandomPurpose::kAgentWake, agent, static_cast<std::uint32_t>(day));
  agents_.wake[agent] = wake_day(day, agents_.where[agent], rng.next_unit());
  add_to_wake_list(agent);
}

void FleeRules::add_to_wake_list(std::uint32_t agent) {
  const auto day = agents_.wake[agent];
  if (day >= world_.days) return;  // not within the run
  wake_lists_[static_cast<std::size_t>(day)].push_back(agent);
  ++wake_list_entries_;
}

void FleeRules::redraw_where_chance_changed(std::int32_t day) {
  bool any = false;
  for (LocationId i = 0; i < location_count_; ++i) {
    // Compared as bits: a chance recomputed to the same value has not changed.
    chance_changed_[i] = std::bit_cast<std::uint64_t>(movechance_today_[i]) !=
                         std::bit_cast<std::uint64_t>(chance_drawn_[i]);
    if (!chance_changed_[i]) continue;
    any = true;
    // u ~ U[0, 1) comes up within k + 1 days when −log(1 − u) < (k + 1)·hazard, that is when
    // u < 1 − exp(−(k + 1)·hazard): 0 at a chance of 0, 1 at a chance of 1.
    const double hazard = hazard_today_[i] = daily_hazard(movechance_today_[i]);
    for (std::size_t k = 0; k < kQuickDays; ++k)
      quick_wake_[i * kQuickDays + k] = -std::expm1(-static_cast<double>(k + 1) * hazard);
  }
  chance_drawn_ = movechance_today_;
  if (!any || drawn_agents_ == 0) return;
  // Every settled agent's wake day was drawn from yesterday's chance, for days from today on;
  // with the chance changed, today's law is a fresh draw (the geometric law has no memory).
  // A scan of all agents, but only on the few days a location's chance changes.
  for (std::uint32_t a = 0; a < drawn_agents_; ++a) {
    const auto where = agents_.where[a];
    if ((where & FleeAgents::kOnLink) || agents_.route[a] != FleeAgents::kNoRoute || !chance_changed_[where])
      continue;
    draw_wake(a, day);
  }
  // The old entries of redrawn agents stay in their lists until their day; rebuild the lists
  // when those outnumber the agents, so memory stays within a bound of the agent count.
  if (wake_list_entries_ > 2 * agents_.size() + 65536) compact_wake_lists(day);
}

void FleeRules::compact_wake_lists(std::int32_t day) {
  for (auto& list : wake_lists_) std::vector<std::uint32_t>().swap(list);
  wake_list_entries_ = 0;
  for (std::uint32_t a = 0; a < drawn_agents_; ++a)
    if (agents_.wake[a] >= day) add_to_wake_list(a);
}

void FleeRules::draw_new_agents(std::int32_t day) {
  const auto n = static_cast<std::uint32_t>(agents_.size());
  for (std::uint32_t a = static_cast<std::uint32_t>(drawn_agents_); a < n; ++a) draw_wake(a, day);
  drawn_agents_ = n;
  due_.resize((agents_.size() + 63) / 64, 0);  // end_day leaves every word cleared
}

void FleeRules::load_due(std::int32_t day) {
  auto& list = wake_lists_[static_cast<std::size_t>(day)];
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i + kLookAhead < list.size()) __builtin_prefetch(&agents_.wake[list[i + kLookAhead]]);
    const auto a = list[i];
    if (agents_.wake[a] == day) due_[a / 64] |= std::uint64_t{1} << (a % 64);  // else a stale entry
  }
  wake_list_entries_ -= list.size();
  std::vector<std::uint32_t>().swap(list);
}

void FleeRules::prefetch_agent(std::size_t a) const {
  __builtin_prefetch(&agents_.where[a], 1);
  __builtin_prefetch(&agents_.progress[a], 1);
  __builtin_prefetch(&agents_.route[a], 1);
  __builtin_prefetch(&agents_.route_step[a], 1);
  __builtin_prefetch(&agents_.wake[a], 1);
}

bool FleeRules::decide_and_step(std::uint32_t agent, LocationId at, bool decided, CounterRng& rng, Tally& tally) {
  auto& route = agents_.route[agent];
  const bool has_route = route != FleeAgents::kNoRoute;
  if (!has_route && !decided && !(rng.next_unit() < movechance_today_[at])) return false;
  if (!has_route) {
    const auto table = table_of_[at];
    if (route_tables_.size(table) == 0) {
      ++tally[location_count_ + 0];
      return false;
    }
    route = candidates_[candidate_begin_[at] + route_tables_.sample(table, rng)];
    agents_.route_step[agent] = 0;
  }
  // Flee's take_next_step: the open link towards the route's next location, unless the
  // route ends in a camp that is nearly full.
  auto& step = agents_.route_step[agent];
  const LocationId target = paths_.node(route, step);
  const auto [first, last] = world_.graph.out_links(at);
  LinkId chosen = first;
  for (; chosen < last; ++chosen)
    if (link_open_[chosen] && world_.graph.link(chosen).to == target) break;
  if (chosen == last || full_camp_today_[paths_.end(route)]) {
    route = FleeAgents::kNoRoute;
    return false;
  }
  if (++step == paths_.path(route).length) route = FleeAgents::kNoRoute;
  agents_.where[agent] = chosen | FleeAgents::kOnLink;
  agents_.progress[agent] = 0.0f;
  --tally[at];
  ++tally[location_count_ + 2];
  return true;
}

void FleeRules::move_agent(std::uint32_t agent, std::int32_t day, Tally& tally,
                           const std::array<std::uint32_t, 4>& first_block) {
  CounterRng rng(seed_, RandomPurpose::kAgentDay, agent, static_cast<std::uint32_t>(day), first_block);
  ++tally[location_count_ + 3];
  // Where the day ends: on a link or with a route, the agent acts tomorrow; settled, on the
  // day its location's move chance first comes up.
  const auto settle = [&] {
    const auto at = agents_.where[agent];
    if ((at & FleeAgents::kOnLink) || agents_.route[agent] != FleeAgents::kNoRoute)
      agents_.wake[agent] = day + 1;
    else
      agents_.wake[agent] = wake_day(day + 1, at, rng.next_unit());
  };
  std::uint32_t where = agents_.where[agent];
  // At a location, the agent is due because its chance came up or because it follows a route.
  if (!(where & FleeAgents::kOnLink)) {
    if (!decide_and_step(agent, where, true, rng, tally)) return settle();
    where = agents_.where[agent];
  }
  double moved = 0;  // km covered today
  while (true) {
    const auto& link = world_.graph.link(where & FleeAgents::kIdMask);
    double speed = link.speed_override > 0 ? link.speed_override : settings_.max_move_speed;
    if (link.walk_probability > 0 && rng.next_unit() < link.walk_probability)
      speed = settings_.max_walk_speed;
    const double progress = agents_.progress[agent] + speed;
    moved += speed;
    if (!(progress > link.distance)) {  // arrival needs strictly more than the distance
      agents_.progress[agent] = static_cast<float>(progress);
      return settle();
    }
    moved += link.distance - progress;
    agents_.progress[agent] = 0.0f;
    if (where & FleeAgents::kTurnBack) {
      agents_.where[agent] = link.from;
      ++tally[link.from];
      ++tally[location_count_ + 1];
      return settle();
    }
    agents_.where[agent] = link.to;
    ++tally[link.to];
    // With distance left today, the agent decides again at the new location.
    if (!(moved < speed)) return settle();
    if (!decide_and_step(agent, link.to, false, rng, tally)) return settle();
    where = agents_.where[agent];
  }
}

void FleeRules::move_agents(std::int32_t day, std::size_t begin, std::size_t end, Tally& tally) {
  // Today's agents from the bitmap (only read here), a batch at a time: their state is fetched
  // while the first random block of each is computed for the whole batch.
  std::array<std::uint32_t, kPhiloxBatch> batch{};
  std::size_t queued = 0;
  PhiloxBatch blocks;
  const auto run_batch = [&] {
    philox_blocks(seed_, RandomPurpose::kAgentDay, batch, static_cast<std::uint32_t>(day), 0, blocks);
    for (std::size_t i = 0; i < queued; ++i) move_agent(batch[i], day, tally, blocks.block(i));
    queued = 0;
  };
  for_each_set_bit<1>(
      due_, begin, end, [this](std::size_t a) { prefetch_agent(a); },
      [&](std::size_t a) {
        batch[queued++] = static_cast<std::uint32_t>(a);
        if (queued == kPhiloxBatch) run_batch();
      });
  if (queued > 0) run_batch();
}

void FleeRules::end_day(std::int32_t, const Tally& tally) {
  for (std::size_t i = 0; i < location_count_; ++i) count_[i] += tally[i];
  stats_.route_not_found += tally[location_count_ + 0];
  stats_.turned_back += tally[location_count_ + 1];
  stats_.link_entries += tally[location_count_ + 2];
  stats_.agent_days_acted += tally[location_count_ + 3];
  // Today's agents into the lists of the days they act next, in agent order.
  for_each_set_bit<kLookAhead>(
      due_, 0, agents_.size(), [this](std::size_t a) { __builtin_prefetch(&agents_.wake[a]); },
      [this](std::size_t a) { add_to_wake_list(static_cast<std::uint32_t>(a)); });
  std::fill(due_.begin(), due_.end(), 0);
}

}  // namespace exodus
