#pragma once
// A border checkpoint's first-in-first-out queue, served at a finite rate. Time is continuous
// within a day (in days since the scenario start): each unit waits for those ahead of it, so
// waits come out in hours, not whole days. Ordinary travellers queue too, as fluid cohorts.
#include <cstdint>
#include <deque>
#include <functional>
#include <utility>
#include <vector>

namespace exodus {

inline constexpr std::uint32_t kNoAgent = UINT32_MAX;

struct QueueEntry {
  double arrival = 0;  // days since the start
  double persons = 1;  // 1 for an agent; any amount for a cohort of ordinary travellers
  std::uint32_t agent = kNoAgent;
};

struct QueueDay {
  double processed_persons = 0;
  double wait_hours_sum = 0;  // over processed persons
  double wait_hours_max = 0;
  // The weighted median of the day's waits: half of those served waited longer. A cohort of
  // ordinary travellers counts at its mean wait (its members' waits are spread about it).
  double wait_hours_median = 0;
};

class CheckpointQueue {
 public:
  // Entries must come in order of arrival (callers sort each day's arrivals).
  void push(const QueueEntry& e) { queue_.push_back(e); }
  // Serves the queue from the start of `day` to its end at `persons_per_day` (0: closed).
  // Calls on_agent(agent, time_served, wait_hours) for every agent served, in order.
  QueueDay serve_day(std::int32_t day, double persons_per_day,
                     const std::function<void(std::uint32_t, double, double)>& on_agent);
  double persons() const;
  bool empty() const { return queue_.empty(); }

 private:
  std::deque<QueueEntry> queue_;
  double server_free_at_ = 0;  // time the server finishes the unit in service
  std::vector<std::pair<double, double>> waits_;  // today's (wait hours, persons), reused
};

}  // namespace exodus
