#pragma once
// Progress of a run on stderr: a one-line bar redrawn in place on a terminal, or, for logs of
// batch jobs, a plain line at each whole percent of the days.
#include <chrono>
#include <cstdint>
#include <string>

namespace exodus {

enum class ProgressStyle {
  kAuto,   // a bar when stderr is a terminal, else nothing
  kBar,
  kLines,  // "<label>: day 12/300, 4,512 agents" at each whole percent
  kNone,
};

// Parses "auto", "bar", "lines" or "none".
ProgressStyle parse_progress_style(const std::string& text);

class ProgressBar {
 public:
  ProgressBar(std::string label, ProgressStyle style);
  void update(std::int32_t done, std::int32_t total, std::size_t agents);
  // A stage of work counted in its own steps (0 of 0: not counted).
  void stage(const std::string& name, std::int64_t done, std::int64_t total);
  void finish();  // clears the bar

 private:
  std::string label_;
  ProgressStyle style_;
  std::chrono::steady_clock::time_point last_;
  std::int64_t last_percent_ = -1;
  std::string last_stage_;
  bool drawn_ = false;
};

}  // namespace exodus
