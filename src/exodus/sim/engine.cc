#include "exodus/sim/engine.h"

#include <tbb/enumerable_thread_specific.h>

#include <algorithm>
#include <optional>

namespace exodus {

std::int32_t run_days(RuleSet& rules, const EngineOptions& options) {
  std::optional<WorkerPool> own;
  const WorkerPool& pool = options.pool ? *options.pool : own.emplace(options.threads);
  tbb::enumerable_thread_specific<Tally> tallies([&] { return Tally(rules.tally_size(), 0); });
  Tally total(rules.tally_size(), 0);

  std::int32_t day = 0;
  for (; day < rules.days(); ++day) {
    if (options.stop && options.stop->load()) break;
    rules.begin_day(day);
    for (auto& t : tallies) std::fill(t.begin(), t.end(), 0);
    const std::size_t n = rules.agent_count();
    pool.for_blocks(n, options.block_size, [&](std::size_t begin, std::size_t end) {
      rules.move_agents(day, begin, end, tallies.local());
    });
    std::fill(total.begin(), total.end(), 0);
    for (const auto& t : tallies)
      for (std::size_t i = 0; i < total.size(); ++i) total[i] += t[i];
    rules.end_day(day, total);
    if (options.after_day) options.after_day(day);
  }
  return day;
}

}  // namespace exodus
