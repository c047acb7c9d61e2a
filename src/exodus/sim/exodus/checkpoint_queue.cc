#include "exodus/sim/exodus/checkpoint_queue.h"

#include <algorithm>

namespace exodus {

// The smallest wait w such that at least half the persons waited w or less.
double CheckpointQueue::weighted_median(std::vector<std::pair<double, double>>& waits) {
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

double CheckpointQueue::persons() const {
  double n = 0;
  for (const auto& e : queue_) n += e.persons;
  return n;
}

}  // namespace exodus
