#pragma once
// Paths and helpers shared by tests.
#include <filesystem>
#include <map>
#include <string>

#include "exodus/core/text_source.h"

namespace exodus::testing {

std::filesystem::path source_dir();
// Flee's cases in the repository (data/flee: <case>/input, <case>/validation,
// <case>/simsetting.yml, and Flee's own outputs in flee-out/<case>.out.csv).
std::filesystem::path flee_data_dir();
// A fresh empty folder under the system temp dir, removed at exit of the test binary is not
// guaranteed; tests remove what they make.
std::filesystem::path make_temp_dir(const std::string& tag);
// Writes each (name, content) into dir, creating it.
void write_files(const std::filesystem::path& dir, const std::map<std::string, std::string>& files);
TextFile text(std::string name, std::string content);
// The bytes of a file, or an empty string when it cannot be read.
std::string read_bytes(const std::filesystem::path& path);
// The header line of a reports file (docs/reports-format.md), newline included.
inline const std::string kReportsHeader =
    "id,metric,destination,checkpoint,window_start,window_end,value,value_low,value_high,kind,direction,unit,"
    "reported_by,reported_on,url,quote\n";
// Copies the 2022 scenario (scenarios/mobilization-2022) to `folder`, its run ending on
// `end_date` (YYYY-MM-DD) instead: a longer run, or one past a limit.
void copy_default_scenario_ending(const std::filesystem::path& folder, const std::string& end_date);
// Runs the exodus binary with `args`; returns its exit code and captures stdout+stderr.
int run_exodus(const std::string& args, std::string* output = nullptr);
// The same, run from `dir` (for outputs that go to runs/ under the working folder).
int run_exodus_in(const std::filesystem::path& dir, const std::string& args, std::string* output = nullptr);
// Runs a shell command line; returns its exit code (-1 when it did not exit) and captures what
// it printed.
int run_shell(const std::string& command, std::string* output = nullptr);

}  // namespace exodus::testing
