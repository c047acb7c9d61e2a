#pragma once
// Flee's rules (FLEE_RULES.md; decisions in docs/flee-compatibility.md) as a rule set over
// the shared engine. Each day: conflicts start and end, agents spawn, closures act, then every
// location's move chance, attractiveness, capacity factor and route table are computed once,
// and agents move against that frozen state, each with its own random stream.
//
// Only agents that act cost anything on a day. An agent that stays put faces its location's
// move chance p each day, so the day it next decides to move is geometric: it is drawn once,
// when the agent settles, as the first day the chance comes up (first_day_at_constant_hazard),
// and drawn again, from the same law, only on a day its location's chance changes (a conflict,
// a closure, a capacity). Agents are kept in lists by the day they next act and run from a
// bitmap of that day's agents, in agent order; a day's draws depend only on (seed, agent, day),
// so results are the same whatever the thread count.
#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "exodus/core/alias_table.h"
#include "exodus/sim/engine.h"
#include "exodus/sim/flee/flee_agents.h"
#include "exodus/sim/flee/flee_run_stats.h"
#include "exodus/sim/flee/route_paths.h"
#include "exodus/sim/flee/spawn_schedule.h"
#include "exodus/world/flee_world.h"

namespace exodus {


class FleeRules final : public RuleSet {
 public:
  FleeRules(const FleeWorld& world, std::uint64_t seed);

  std::int32_t days() const override { return world_.days; }
  std::size_t tally_size() const override { return location_count_ + kStatSlots; }
  void begin_day(std::int32_t day) override;
  std::size_t agent_count() const override { return agents_.size(); }
  void move_agents(std::int32_t day, std::size_t begin, std::size_t end, Tally& tally) override;
  void end_day(std::int32_t day, const Tally& tally) override;

  // Agents at each location (not on links) after the last completed day.
  std::span<const std::int64_t> location_counts() const { return count_; }
  const SpawnDay& spawn_day(std::int32_t day) const { return spawns_[static_cast<std::size_t>(day)]; }
  const FleeRunStats& stats() const { return stats_; }
  const FleeAgents& agents() const { return agents_; }
  // Adds agents at a location, outside any schedule (benchmarks, tests).
  void add_agents(LocationId at, std::int64_t count);
  // Room for n agents in all, so adding them does not over-allocate.
  void reserve_agents(std::size_t n) { agents_.reserve(n); }
  // Entries in the lists of agents by wake day, stale ones included: at most about 3 per agent
  // plus 65,536, since the lists are rebuilt when they pass 2 per agent plus 65,536.
  std::size_t wake_list_entries() const { return wake_list_entries_; }

 private:
  static constexpr std::size_t kStatSlots = 4;  // route_not_found, turned_back, link_entries, acted

  struct LocationState {
    std::uint8_t flags = 0;
    double movechance = 0;
    double conflict = -1;
    std::int32_t time_of_conflict = -1;
    std::int64_t population = 0;
    double capacity = -1;
  };

  void apply_conflicts(std::int32_t day);
  void spawn(std::int32_t day);
  void apply_closures(std::int32_t day);
  void prepare_tables(std::int32_t day);
  double conflict_decay(std::int32_t elapsed) const;
  double capacity_multiplier(LocationId loc) const;

  // Who acts on `day`: wake days drawn for new agents and again for those at a location whose
  // move chance changed, then that day's list into the bitmap.
  void redraw_where_chance_changed(std::int32_t day);
  void draw_new_agents(std::int32_t day);
  void compact_wake_lists(std::int32_t day);
  // A settled agent's wake day, drawn on `day` from its location's chance, and its list entry.
  void draw_wake(std::uint32_t agent, std::int32_t day);
  void add_to_wake_list(std::uint32_t agent);
  void load_due(std::int32_t day);
  // The first day from `day` on that a settled agent at `at` acts, for a uniform draw u.
  std::int32_t wake_day(std::int32_t day, LocationId at, double u) const;

  // Agents due today are scattered over the arrays: their state is prefetched ahead of its use
  // (core/set_bits.h), by this many agents where nothing else gives the loads time.
  static constexpr std::size_t kLookAhead = 16;
  void prefetch_agent(std::size_t agent) const;

  // The per-agent hot path. `decided`: the agent moves if it can (its wake day came, or it
  // follows a route); otherwise it draws against the location's move chance.
  bool decide_and_step(std::uint32_t agent, LocationId at, bool decided, CounterRng& rng, Tally& tally);
  // first_block: the first block of the agent's stream for the day, computed with its batch's.
  void move_agent(std::uint32_t agent, std::int32_t day, Tally& tally, const std::array<std::uint32_t, 4>& first_block);

  const FleeWorld& world_;
  const FleeSettings& settings_;
  std::uint64_t seed_;
  std::size_t location_count_;
  RoutePaths paths_;
  std::vector<SpawnDay> spawns_;

  FleeAgents agents_;
  std::vector<LocationState> state_;
  std::vector<std::int64_t> count_;
  std::vector<std::uint8_t> link_open_;
  FleeRunStats stats_;

  // Frozen for the day by prepare_tables.
  std::vector<double> movechance_today_;
  std::vector<double> hazard_today_;    // daily_hazard of movechance_today_
  // [location * kQuickDays + k]: the chance of acting within k + 1 days, for wake_day.
  static constexpr std::size_t kQuickDays = 8;
  std::vector<double> quick_wake_;
  std::vector<double> chance_drawn_;    // the move chance settled agents' wake days were drawn from
  std::vector<std::uint8_t> chance_changed_;

  // Agents by the day they next act (entries whose agent's wake day moved are skipped), and
  // the bitmap of today's.
  std::vector<std::vector<std::uint32_t>> wake_lists_;
  std::size_t wake_list_entries_ = 0;
  std::size_t drawn_agents_ = 0;  // agents [0, drawn_agents_) have a wake day
  std::vector<std::uint64_t> due_;
  std::vector<std::uint8_t> full_camp_today_;
  std::vector<std::uint32_t> candidates_;       // path ids, grouped by origin
  std::vector<std::uint32_t> candidate_begin_;  // per location, into candidates_
  std::vector<std::uint32_t> table_of_;         // per location, its alias table
  AliasPool route_tables_;
  std::vector<double> score_, cap_mult_, weights_;  // scratch
};

}  // namespace exodus
