#include "sim/engine.h"

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>

namespace exodus {

std::int32_t run_days(RuleSet& rules, const EngineOptions& options) {
  const int threads = std::max(1, options.threads);
  // Allows more workers than cores when asked (results do not depend on the count).
  tbb::global_control allow(tbb::global_control::max_allowed_parallelism,
                            static_cast<std::size_t>(threads));
  tbb::task_arena arena(threads);
  tbb::enumerable_thread_specific<Tally> tallies([&] { return Tally(rules.tally_size(), 0); });
  Tally total(rules.tally_size(), 0);

  std::int32_t day = 0;
  for (; day < rules.days(); ++day) {
    if (options.stop && options.stop->load()) break;
    rules.begin_day(day);
    for (auto& t : tallies) std::fill(t.begin(), t.end(), 0);
    const std::size_t n = rules.agent_count();
    if (threads == 1) {
      auto& tally = tallies.local();
      for (std::size_t b = 0; b < n; b += options.block_size)
        rules.move_agents(day, b, std::min(n, b + options.block_size), tally);
    } else {
      arena.execute([&] {
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, options.block_size),
                          [&](const tbb::blocked_range<std::size_t>& r) {
                            rules.move_agents(day, r.begin(), r.end(), tallies.local());
                          });
      });
    }
    std::fill(total.begin(), total.end(), 0);
    for (const auto& t : tallies)
      for (std::size_t i = 0; i < total.size(); ++i) total[i] += t[i];
    rules.end_day(day, total);
    if (options.after_day) options.after_day(day);
  }
  return day;
}

}  // namespace exodus
