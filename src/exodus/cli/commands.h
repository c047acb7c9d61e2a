#pragma once
// The verbs of the exodus command line. Each returns the process exit code:
// 0 success, 1 internal failure, 2 bad input or usage, 3 an estimate whose diagnostics fail,
// 130 interrupted.
#include <CLI/CLI.hpp>

#include <string>

namespace exodus {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInternal = 1;
inline constexpr int kExitBadInput = 2;
inline constexpr int kExitInterrupted = 130;

// Registers `exodus run`; its callback stores the exit code in *exit_code.
void add_run_command(CLI::App& app, int* exit_code, const std::string& command_line);
// Registers `exodus estimate REPORTS.csv`.
void add_estimate_command(CLI::App& app, int* exit_code, const std::string& command_line);
// Registers `exodus check FOLDER`.
void add_check_command(CLI::App& app, int* exit_code);
// Registers `exodus score OUT.csv`.
void add_score_command(CLI::App& app, int* exit_code);

}  // namespace exodus
