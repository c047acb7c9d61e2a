#pragma once
// Flee's rules (FLEE_RULES.md; decisions in docs/flee-compatibility.md) as a rule set over
// the shared engine. Each day: conflicts start and end, agents spawn, closures act, then every
// location's move chance, attractiveness, capacity factor and route table are computed once,
// and agents move against that frozen state, each with its own random stream.
#include <cstdint>
#include <span>
#include <vector>

#include "exodus/core/alias_table.h"
#include "exodus/sim/engine.h"
#include "exodus/sim/flee/flee_agents.h"
#include "exodus/sim/flee/route_paths.h"
#include "exodus/sim/flee/spawn_schedule.h"
#include "exodus/world/flee_world.h"

namespace exodus {

struct FleeRunStats {
  std::int64_t route_not_found = 0;  // decisions to move with no open route (agent stayed)
  std::int64_t turned_back = 0;      // arrivals sent back because their link closed
  std::int64_t link_entries = 0;     // steps onto a link
  std::int64_t unplaced_spawns = 0;  // agents the data asked for with no conflict zone to start in
};

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

 private:
  static constexpr std::size_t kStatSlots = 3;  // route_not_found, turned_back, link_entries

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

  // The per-agent hot path.
  bool decide_and_step(std::uint32_t agent, LocationId at, CounterRng& rng, Tally& tally);
  void move_agent(std::uint32_t agent, std::int32_t day, Tally& tally, std::uint32_t first_draw,
                  std::uint32_t second_draw);

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
  std::vector<std::uint8_t> full_camp_today_;
  std::vector<std::uint32_t> candidates_;       // path ids, grouped by origin
  std::vector<std::uint32_t> candidate_begin_;  // per location, into candidates_
  std::vector<std::uint32_t> table_of_;         // per location, its alias table
  AliasPool route_tables_;
  std::vector<double> score_, cap_mult_, weights_;  // scratch
};

}  // namespace exodus
