#include "exodus/sim/exodus/checkpoint_queue.h"

#include <algorithm>

namespace exodus {

namespace {
// The smallest wait w such that at least half the persons waited w or less.
double weighted_median(std::vector<std::pair<double, double>>& waits) {
  double total = 0;
  for (const auto& [wait, persons] : waits) total += persons;
  if (total <= 0) return 0;
  std::sort(waits.begin(), waits.end());
  double below = 0;
  for (const auto& [wait, persons] : waits) {
    below += persons;
    if (below >= 0.5 * total) return wait;
  }
  return waits.back().first;
}
}  // namespace

QueueDay CheckpointQueue::serve_day(std::int32_t day, double persons_per_day,
                                    const std::function<void(std::uint32_t, double, double)>& on_agent) {
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

double CheckpointQueue::persons() const {
  double n = 0;
  for (const auto& e : queue_) n += e.persons;
  return n;
}

}  // namespace exodus
