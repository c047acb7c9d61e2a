#pragma once
// --max-days, --max-agents, --max-route-steps, --max-daily-values, --max-reports,
// --max-corridors and --max-input-mb: the options that raise the input limits
// (core/limits.h), shared by the verbs that read inputs.
#include <CLI/CLI.hpp>

#include <memory>

#include "exodus/core/limits.h"

namespace exodus {

// Adds the options to `cmd`; the returned limits hold their values once the line is parsed.
// `simulates`: the verb runs scenarios or Flee cases (run, check): agents, routes, daily values.
// `estimates`: the verb reads reports for an estimate (estimate, check): reports, corridors.
// `reads_reports`: the verb reads reports files or figures without estimating (run, score): reports.
std::shared_ptr<InputLimits> add_limit_options(CLI::App* cmd, bool simulates, bool estimates, bool reads_reports = false);

}  // namespace exodus
