#pragma once
// The verbs of the exodus command line. Each returns the process exit code:
// 0 success, 1 internal failure, 2 bad input or usage, 3 an estimate whose diagnostics fail,
// 4 the output folder may not be replaced or cannot be written, 130 interrupted (143 SIGTERM).
#include <CLI/CLI.hpp>

#include <filesystem>
#include <string>

namespace exodus {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInternal = 1;
inline constexpr int kExitBadInput = 2;
inline constexpr int kExitOutput = 4;
inline constexpr int kExitInterrupted = 130;

// For unsigned options: CLI11 would turn "-3" into 2^64 - 3, so the text is checked first.
inline const CLI::Validator kNotNegative(
    [](std::string& text) {
      const auto at = text.find_first_not_of(" \t");
      return at != std::string::npos && text[at] == '-' ? std::string("must not be negative") : std::string();
    },
    "NOT NEGATIVE");

// The name by which `run` and `check` take the embedded 2022 scenario (as estimate --scenario).
inline constexpr const char* kDefaultScenarioName = "default";

// Registers `exodus run`; its callback stores the exit code in *exit_code.
void add_run_command(CLI::App& app, int* exit_code, const std::string& command_line);
// Registers `exodus estimate REPORTS.csv`.
void add_estimate_command(CLI::App& app, int* exit_code, const std::string& command_line);
// Registers `exodus calibrate [SCENARIO] [REPORTS.csv...]`.
void add_calibrate_command(CLI::App& app, int* exit_code, const std::string& command_line);
// Registers `exodus check FOLDER`.
void add_check_command(CLI::App& app, int* exit_code);
// Registers `exodus score OUT.csv`.
void add_score_command(CLI::App& app, int* exit_code);
// Registers `exodus report OUTPUT_DIR`.
void add_report_command(CLI::App& app, int* exit_code);
// Writes the report page of `folder` to `out` (replacing only a page exodus wrote, and only
// with `force`); returns the exit code, having printed any error.
int write_report_page(const std::filesystem::path& folder, const std::filesystem::path& out, bool force);

}  // namespace exodus
