#pragma once
// One member's run of a scenario (a calibration's or an ensemble's), on one thread, since
// members run side by side: the scenario at 1/k of its size (run/people_per_agent.h), refused
// when the leavers it is expected to make exceed the agent limit, its counts scaled back.
#include <atomic>
#include <cstdint>
#include <optional>

#include "exodus/recorder/series_table.h"
#include "exodus/world/scenario.h"

namespace exodus {

// The run's daily series, or none when it would make more than `max_agents` agents.
std::optional<SeriesTable> run_scenario_member(const Scenario& scenario, std::uint64_t seed, double people_per_agent,
                                               std::int64_t max_agents, const std::atomic<bool>* stop);

}  // namespace exodus
