#pragma once
// --max-days, --max-agents, --max-route-steps and --max-input-mb: the options that raise the input limits
// (core/limits.h), shared by the verbs that read inputs.
#include <CLI/CLI.hpp>

#include <memory>

#include "exodus/core/limits.h"

namespace exodus {

// Adds the options to `cmd`; the returned limits hold their values once the line is parsed.
// `agents`: whether the verb simulates (run, check: agents and routes) or not (estimate).
std::shared_ptr<InputLimits> add_limit_options(CLI::App* cmd, bool agents);

}  // namespace exodus
