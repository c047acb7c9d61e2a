#include "exodus/run/scenario_member_run.h"

#include "exodus/run/exodus_run.h"
#include "exodus/run/people_per_agent.h"
#include "exodus/world/scenario_hazard.h"

namespace exodus {

std::optional<SeriesTable> run_scenario_member(const Scenario& scenario, std::uint64_t seed, double people_per_agent,
                                               std::int64_t max_agents, const std::atomic<bool>* stop) {
  const Scenario s = scaled_to_agents(scenario, people_per_agent);
  if (forecast_leavers(s).expected > static_cast<double>(max_agents)) return std::nullopt;
  RunOptions o;
  o.seed = seed;
  o.threads = 1;
  o.stop = stop;
  ExodusRunResult run = run_exodus(s, o);
  scale_counts_back(run.series, people_per_agent);
  return std::move(run.series);
}

}  // namespace exodus
