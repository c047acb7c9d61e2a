#pragma once
// The day loop every rule set runs on. A rule set owns its agents and state; the engine says
// when each phase runs, splits agents among threads and combines their tallies. Rule sets are
// virtual per day and per block of agents, never per agent, so the hot loop stays inlined.
//
// Determinism: agents in a block see only the state frozen in begin_day and their own
// counter-based random stream, and tallies are integer sums, so any thread count and any
// split give bit-identical results.
#include <atomic>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "exodus/sim/worker_pool.h"

namespace exodus {

// Integer tallies a block of agents adds to during a day (e.g. arrivals per location).
using Tally = std::vector<std::int64_t>;

class RuleSet {
 public:
  virtual ~RuleSet() = default;
  virtual std::int32_t days() const = 0;
  // Number of tally slots move_agents may add to.
  virtual std::size_t tally_size() const = 0;
  // Serial: schedules, spawning, per-location tables for `day`.
  virtual void begin_day(std::int32_t day) = 0;
  virtual std::size_t agent_count() const = 0;
  // Moves agents [begin, end) through `day`. Runs concurrently on disjoint ranges; writes
  // only those agents and `tally`.
  virtual void move_agents(std::int32_t day, std::size_t begin, std::size_t end,
                           Tally& tally) = 0;
  // Serial: applies the summed tallies of the day.
  virtual void end_day(std::int32_t day, const Tally& tally) = 0;
};

struct EngineOptions {
  // The threads to run on: a pool the caller shares between runs, or else a pool of `threads`
  // made for this run alone.
  const WorkerPool* pool = nullptr;
  int threads = 1;
  std::size_t block_size = 16384;  // agents per task
  // Called after each day, with the day just finished.
  std::function<void(std::int32_t)> after_day;
  // When set and true, the run stops after the current day (e.g. on SIGINT).
  const std::atomic<bool>* stop = nullptr;
};

// Runs all days of `rules`. Returns the number of days completed.
std::int32_t run_days(RuleSet& rules, const EngineOptions& options);

}  // namespace exodus
