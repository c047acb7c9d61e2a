#pragma once
// Ceilings on what an input may ask for, so that a typo (a day count of 10^9, a pool of 10^15)
// is refused up front with a clear error instead of exhausting memory hours into a run. Each
// has a command-line option to raise it; the errors name that option.
#include <cstdint>
#include <string>

namespace exodus {

struct InputLimits {
  // Days simulated or estimated (--max-days): ten years. Daily arrays grow with it.
  std::int64_t max_days = 3660;
  // Agents a run may create (--max-agents): at most about 10 GB of agent state at its peak.
  std::int64_t max_agents = 200'000'000;
  // Links a Flee case's route search may follow, about the route steps it stores
  // (--max-route-steps): about 1.5 GB of routes. Routes grow factorially through markers and
  // as links^awareness_level around a hub, so a small routes.csv can ask for terabytes.
  std::int64_t max_route_steps = 50'000'000;
  // Daily values a run records (--max-daily-values): daily.csv's rows for a scenario, out.csv's
  // camp cells for a Flee case; about 0.8 GB held in memory at the default.
  std::int64_t max_daily_values = 100'000'000;
  // What an estimate fits (--max-reports, --max-corridors): its time and memory grow with the
  // reports and as the cube of the corridors (64 corridors take minutes; 300, hours).
  std::int64_t max_reports = 10'000;
  std::int64_t max_corridors = 64;
  // Size of one input file (--max-input-mb): every input is read into memory whole.
  std::int64_t max_file_bytes = std::int64_t{256} << 20;
};

// The hardest ceilings, which the options cannot raise: agent ids are 32-bit, and no model
// here means anything over a thousand years.
inline constexpr std::int64_t kHardMaxAgents = 4'000'000'000;
inline constexpr std::int64_t kHardMaxDays = 365'250;
// A reported or observed count above this is a typo: the world's population, rounded up.
inline constexpr double kMostPeople = 1e10;

// "the limit is 3,660 (raise it with --max-days)".
std::string limit_clause(std::int64_t limit, const char* option);

}  // namespace exodus
