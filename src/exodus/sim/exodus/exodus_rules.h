#pragma once
// The exodus rule set: a draft shock makes people decide to leave; they choose a corridor (a
// road to a checkpoint, or a flight) by its travel time, the queue they heard of, the price and
// the destination; they queue at checkpoints of finite throughput; borders refuse some; after
// crossing some move on and some return. People who stay home are counts in a pool, not agents,
// and a leaver abroad costs nothing until the day they move on or go home, drawn when they cross,
// so a day costs in proportion to the people who decide and move.
#include <array>
#include <bit>
#include <cstdint>
#include <vector>

#include "exodus/core/geo.h"
#include "exodus/core/random.h"
#include "exodus/sim/engine.h"
#include "exodus/sim/exodus/checkpoint_queue.h"
#include "exodus/sim/daily_chance.h"
#include "exodus/sim/exodus/exodus_day.h"
#include "exodus/world/scenario.h"
#include "exodus/world/scenario_hazard.h"

namespace exodus {

class ExodusRules final : public RuleSet {
 public:
  ExodusRules(const Scenario& scenario, std::uint64_t seed);

  std::int32_t days() const override { return scenario_.days; }
  // Nothing is tallied per block: every move of a leaver abroad is scheduled (move_on_or_return).
  std::size_t tally_size() const override { return 0; }
  void begin_day(std::int32_t day) override;
  std::size_t agent_count() const override { return state_.size(); }
  void move_agents(std::int32_t day, std::size_t begin, std::size_t end, Tally& tally) override;
  void end_day(std::int32_t day, const Tally& tally) override;

  const ExodusDay& today() const { return today_; }
  double pool_left() const;

 private:
  enum State : std::uint8_t { kTravelling, kFlightPending, kQueued, kAbroad, kOnward, kReturned, kGaveUp };
  enum Fate : std::uint8_t { kStays, kMovesOn, kReturns };
  static constexpr std::uint16_t kFlight = UINT16_MAX;

  struct Option {
    bool flight = false;
    std::uint32_t index = 0;  // checkpoint or flight
    double utility = 0;
  };

  void apply_events(std::int32_t day);
  // begin_day's steps, in order.
  void reset_today();
  void price_flights();
  void decide_departures(std::int32_t day, std::vector<std::vector<std::uint32_t>>& wants_flight);
  void seat_flyers(std::int32_t day, const std::vector<std::vector<std::uint32_t>>& wants_flight);
  // end_day's: checkpoint c serves its arrivals (`keys`, sorted) and today's ordinary traffic;
  // then the destinations' ordinary travellers come and go, and the day's counts close.
  void serve_checkpoint(std::uint32_t c, std::int32_t day, std::vector<std::uint64_t>& keys);
  void close_destinations();
  double hazard(std::size_t region, std::size_t kind, std::uint8_t cls, std::int32_t day) const;
  // Options open to a person of kind `kind` and class `cls` at a region (from_checkpoint < 0)
  // or a checkpoint.
  void options(std::size_t region, std::size_t kind, std::uint8_t cls, int from_checkpoint, int exclude,
               std::int32_t day, std::vector<Option>& out) const;
  std::uint32_t new_agent(std::size_t region, std::size_t kind, std::uint8_t cls);
  // The longest queue (days of service) this agent will join: their kind's median tolerance,
  // spread log-normally across people; one value per person, wherever they queue.
  double wait_tolerance_days(std::uint32_t agent) const;
  void send_by_road(std::uint32_t agent, std::uint32_t checkpoint, double arrival_time);
  // A leaver turned back at checkpoint c at `time`: tries another way, or goes home.
  void retry_or_give_up(std::uint32_t agent, int checkpoint, double time, std::int32_t day);
  void cross(std::uint32_t agent, std::size_t destination, std::int32_t day);
  // A leaver abroad who will move on or go home (by fate_): the day they do, drawn once from
  // `u` (uniform) on the day `from` they entered, and kept in movers_ for that day.
  void schedule_move(std::uint32_t agent, std::int32_t from, double u);
  // Today's scheduled movers: those moving on enter their next destination the same day (and
  // may be scheduled to go home from there), those going home leave.
  void move_on_or_return(std::int32_t day);
  double travel_days(std::size_t region, std::uint32_t checkpoint) const;

  const Scenario& scenario_;
  std::uint64_t seed_;
  std::size_t regions_, destinations_, checkpoints_, flights_;

  // Kinds of leaver (world/scenario.h), and whether each may go to each destination:
  // [kind * destinations + destination].
  std::vector<LeaverKind> kinds_;
  std::vector<std::uint8_t> kind_goes_to_;
  // Pools of people who have not decided to leave: [region * kinds + kind][class].
  std::vector<std::array<std::int64_t, kClassCount>> pool_;

  // Agents (leavers), structure of arrays.
  std::vector<std::uint8_t> region_, kind_, class_, state_, fate_, destination_;
  std::vector<std::uint16_t> checkpoint_;
  std::vector<float> arrival_;

  // Leavers abroad who move on or go home, by the day they do: [day], in the order they were
  // scheduled (a serial order, so the same whatever the threads).
  std::vector<std::vector<std::uint32_t>> movers_;
  // Each destination's daily chance of moving on (constant) and of going home (scaled by
  // return_scale events, so constant between event days).
  std::vector<DailyChance> onward_chance_, return_chance_;

  std::vector<std::vector<std::uint32_t>> arriving_;  // [day] agents reaching a checkpoint
  std::vector<CheckpointQueue> queues_;
  // What people hear of each checkpoint's wait, kept only as long as it is heard: a ring of
  // information_lag_days + 1 days, [checkpoint * wait_days_kept_ + day % wait_days_kept_].
  std::size_t wait_days_kept_ = 1;
  std::vector<double> reported_wait_days_;
  std::vector<double> region_km_;  // [region * checkpoints + checkpoint]
  // Road km between checkpoints, for a refused leaver rerouting: tabled up to
  // kCheckpointKmTableMax checkpoints (2 MiB), computed on each reroute beyond, where a
  // checkpoints x checkpoints table would take gigabytes at the checkpoint limit.
  static constexpr std::size_t kCheckpointKmTableMax = 512;
  double checkpoint_km(std::size_t from, std::size_t to) const;
  std::vector<SpherePoint> checkpoint_points_;  // their positions, for checkpoint_km
  std::vector<double> checkpoint_km_table_;     // [from * checkpoints + to]; empty beyond the limit
  // A travelling agent's place in its checkpoint's arrival order: arrival time, then id.
  std::uint64_t arrival_key(std::uint32_t agent) const {
    return (static_cast<std::uint64_t>(std::bit_cast<std::uint32_t>(arrival_[agent])) << 32) | agent;
  }
  // Reused by end_day, so that a day allocates nothing once the lists have grown.
  struct EndDayScratch {
    std::vector<std::vector<std::uint64_t>> arrivals;  // [checkpoint] sort keys of today's arrivals
    std::vector<QueueEntry> entries;
  } end_day_scratch_;
  // A leaver turned back at a checkpoint chooses among the same options, with the same logit
  // weights, as every leaver of their kind and class turned back there until what options()
  // reads changes (the day's events; without an information lag, each wait heard): kept per
  // (checkpoint, kind, eligible) up to kRerouteCacheMax checkpoints times kinds, so that a
  // reroute neither recomputes nor allocates.
  struct RerouteChoice {
    std::vector<Option> options;
    std::vector<double> weights;
    double total = 0;
    std::uint64_t generation = UINT64_MAX;
  };
  static constexpr std::size_t kRerouteCacheMax = 8192;
  struct RetryScratch {
    std::vector<RerouteChoice> cache;  // [(checkpoint * kinds + kind) * 2 + eligible]; empty beyond the limit
    RerouteChoice scratch;             // beyond kRerouteCacheMax
    std::uint64_t generation = 0;
    std::vector<double> utilities;
  } retry_;
  const RerouteChoice& reroute_choice(std::uint32_t agent, int checkpoint, std::int32_t day);

  // Today's state from events.
  std::vector<std::uint8_t> open_;
  std::vector<double> throughput_scale_, approach_limit_, exit_refusal_, entry_ban_, seat_scale_;
  // log(1 − entry_ban) by destination and log(1 − exit_refusal) by checkpoint: a corridor's
  // utility terms for the chance of being let through.
  std::vector<double> log_entry_allowed_, log_exit_allowed_;
  // Ordinary travellers under today's events: arrivals scaled at each checkpoint and by air at
  // each destination, and the share refused entry at each destination.
  std::vector<double> ordinary_scale_checkpoint_, ordinary_scale_air_, ordinary_refusal_;
  HazardEventScales hazard_events_;  // hazard_scale events by region and day, tabled once
  std::vector<double> flight_price_, flight_demand_yesterday_;
  std::vector<double> stock_;           // leavers present, by destination
  std::vector<double> ordinary_stock_;  // ordinary travellers present, by destination
  // Where those moving on from each destination go: cumulative logit weights of its onward_to
  // by attractiveness, normalised to end at 1.
  std::vector<std::vector<double>> onward_cumulative_;
  std::size_t next_destination(std::size_t from, double u) const;
  ExodusDay today_;
};

}  // namespace exodus
