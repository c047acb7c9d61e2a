#pragma once
// The verbs of the exodus command line. Each returns the process exit code:
// 0 success, 1 internal failure, 2 bad input or usage, 3 an estimate whose diagnostics fail,
// 4 the output folder may not be replaced or cannot be written, 130 interrupted (143 SIGTERM).
#include <CLI/CLI.hpp>

#include "exodus/core/limits.h"

#include <algorithm>
#include <filesystem>
#include <string>

namespace exodus {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInternal = 1;
inline constexpr int kExitBadInput = 2;
inline constexpr int kExitOutput = 4;
inline constexpr int kExitInterrupted = 130;


// A seed: a whole number from 0 to 2^64 - 1, refused rather than wrapped when negative or
// clamped when larger (CLI11 would store -3 as 2^64 - 3 and 2^64 as 2^64 - 1: other seeds than
// the one asked for).
inline const CLI::Validator kSeed(
    [](std::string& text) {
      const auto first = text.find_first_not_of(" \t"), last = text.find_last_not_of(" \t");
      const std::string digits = first == std::string::npos ? "" : text.substr(first, last - first + 1);
      const std::string most = "18446744073709551615";
      if (!digits.empty() && digits[0] == '-') return std::string("must not be negative");
      if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos)
        return std::string("must be a whole number from 0 to ") + most;
      const std::string bare = digits.substr(std::min(digits.find_first_not_of('0'), digits.size() - 1));
      if (bare.size() > most.size() || (bare.size() == most.size() && bare > most))
        return std::string("is larger than the largest seed, ") + most;
      return std::string();
    },
    "WHOLE NUMBER");

// The name by which `run` and `check` take the embedded 2022 scenario (as estimate --scenario).
inline constexpr const char* kDefaultScenarioName = "default";

// The commands given `farm` (the MPI job's ranks, null without) share their members over it:
// calibrate always, run with --members N. Any other command, and run without --members, is
// rank 0's alone, and another rank leaves at once rather than run it again into the same folder.
class RankFarm;

// Registers `exodus run`; its callback stores the exit code in *exit_code.
void add_run_command(CLI::App& app, int* exit_code, const std::string& command_line, RankFarm* farm);
// Registers `exodus estimate REPORTS.csv`.
void add_estimate_command(CLI::App& app, int* exit_code, const std::string& command_line);
// Registers `exodus calibrate [SCENARIO] [REPORTS.csv...]`.
void add_calibrate_command(CLI::App& app, int* exit_code, const std::string& command_line, RankFarm* farm);
// Registers `exodus check FOLDER`.
void add_check_command(CLI::App& app, int* exit_code);
// Registers `exodus score OUT.csv`.
void add_score_command(CLI::App& app, int* exit_code);
// Registers `exodus report OUTPUT_DIR`.
void add_report_command(CLI::App& app, int* exit_code);
// Writes the report page of `folder` to `out` (replacing only a page exodus wrote, and only
// with `force`); returns the exit code, having printed any error.
int write_report_page(const std::filesystem::path& folder, const std::filesystem::path& out, bool force,
                      const InputLimits& limits);

}  // namespace exodus
