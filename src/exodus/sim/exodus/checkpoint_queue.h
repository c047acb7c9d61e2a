#pragma once
// A border checkpoint's first-in-first-out queue, served at a finite rate. Time is continuous
// within a day (in days since the scenario start): each unit waits for those ahead of it, so
// waits come out in hours, not whole days. Ordinary travellers queue too, as fluid cohorts.
#include <algorithm>
#include <cstdint>
#include <deque>
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
  // Calls on_agent(agent, time_served, wait_hours) for every agent served, in order (a
  // template, so that the call per agent is inlined rather than made through a pointer).
  template <class OnAgent>
  QueueDay serve_day(std::int32_t day, double persons_per_day, OnAgent&& on_agent);
  double persons() const;
  bool empty() const { return queue_.empty(); }

 private:
  std::deque<QueueEntry> queue_;
  double server_free_at_ = 0;  // time the server finishes the unit in service
  std::vector<std::pair<double, double>> waits_;  // today's (wait hours, persons), reused
  static double weighted_median(std::vector<std::pair<double, double>>& waits);
};

template <class OnAgent>
QueueDay CheckpointQueue::serve_day(std::int32_t day, double persons_per_day, OnAgent&& on_agent) {
  QueueDay out;
  waits_.clear();
  const double day_start = day, day_end = day + 1.0;
  if (persons_per_day <= 0) {
    server_free_at_ = std::max(server_free_at_, day_end);
    return out;
  }
  const double service = 1.0 / persons_per_day;  // days per person
  server_free_at_ = std::max(server_free_at_, day_start);
  while (!queue_.empty()) {
    QueueEntry& e = queue_.front();
    const double start = std::max(server_free_at_, e.arrival);
    if (start >= day_end) break;
    if (e.agent != kNoAgent) {
      const double done = start + service;
      if (done > day_end) break;  // served tomorrow
      const double wait_hours = (done - e.arrival) * 24.0;
      out.processed_persons += 1;
      out.wait_hours_sum += wait_hours;
      out.wait_hours_max = std::max(out.wait_hours_max, wait_hours);
      waits_.emplace_back(wait_hours, 1.0);
      server_free_at_ = done;
      const auto agent = e.agent;
      queue_.pop_front();
      on_agent(agent, done, wait_hours);
      continue;
    }
    // A cohort of ordinary travellers: serve as much of it as the day allows.
    const double can = (day_end - start) / service;
    const double served = std::min(can, e.persons);
    const double done = start + served * service;
    const double wait_hours = (start + 0.5 * served * service - e.arrival) * 24.0;  // its average
    out.processed_persons += served;
    out.wait_hours_sum += wait_hours * served;
    out.wait_hours_max = std::max(out.wait_hours_max, (done - e.arrival) * 24.0);
    if (served > 0) waits_.emplace_back(wait_hours, served);
    server_free_at_ = done;
    e.persons -= served;
    if (e.persons <= 1e-9) queue_.pop_front();
    else break;
  }
  out.wait_hours_median = weighted_median(waits_);
  return out;
}

}  // namespace exodus
