#include "exodus/cli/limit_options.h"

#include <fmt/format.h>

#include "exodus/core/digit_grouping.h"

namespace exodus {

std::shared_ptr<InputLimits> add_limit_options(CLI::App* cmd, bool simulates, bool estimates, bool reads_reports) {
  auto limits = std::make_shared<InputLimits>();
  const InputLimits defaults;
  cmd->add_option("--max-days", limits->max_days,
                  fmt::format("refuse inputs spanning more days than this (default {})", grouped(defaults.max_days)))
      ->check(CLI::Range(std::int64_t{1}, kHardMaxDays))
      ->group("Limits");
  if (simulates)
    cmd->add_option("--max-agents", limits->max_agents,
                    fmt::format("refuse inputs that would create more agents than this (default {})",
                                grouped(defaults.max_agents)))
        ->check(CLI::Range(std::int64_t{1}, kHardMaxAgents))
        ->group("Limits");
  if (simulates)
    cmd->add_option("--max-route-steps", limits->max_route_steps,
                    fmt::format("refuse Flee cases whose route search follows more links than this (default {})",
                                grouped(defaults.max_route_steps)))
        ->check(CLI::Range(std::int64_t{1}, std::int64_t{4'000'000'000}))
        ->group("Limits");
  if (simulates)
    cmd->add_option("--max-daily-values", limits->max_daily_values,
                    fmt::format("refuse runs that would record more daily values (daily.csv rows, out.csv camp "
                                "cells) than this (default {})",
                                grouped(defaults.max_daily_values)))
        ->check(CLI::Range(std::int64_t{1}, std::int64_t{1} << 40))
        ->group("Limits");
  if (estimates || reads_reports)
    cmd->add_option("--max-reports", limits->max_reports,
                    fmt::format("refuse reports (and predictions) files with more rows than this (default {})",
                                grouped(defaults.max_reports)))
        ->check(CLI::Range(std::int64_t{1}, std::int64_t{100'000'000}))
        ->group("Limits");
  if (estimates)
    cmd->add_option("--max-corridors", limits->max_corridors,
                    fmt::format("refuse estimates of more corridors than this, 'other' included (default {})",
                                defaults.max_corridors))
        ->check(CLI::Range(std::int64_t{2}, std::int64_t{100'000}))
        ->group("Limits");
  cmd->add_option_function<std::int64_t>(
         "--max-input-mb", [limits](std::int64_t mb) { limits->max_file_bytes = mb << 20; },
         fmt::format("refuse input files larger than this many MiB (default {})", defaults.max_file_bytes >> 20))
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1} << 20))
      ->group("Limits");
  return limits;
}

}  // namespace exodus
