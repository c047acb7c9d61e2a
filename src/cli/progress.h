#pragma once
// A one-line progress bar on stderr, drawn only when stderr is a terminal.
#include <chrono>
#include <cstdint>
#include <string>

namespace exodus {

class ProgressBar {
 public:
  explicit ProgressBar(std::string label);
  void update(std::int32_t done, std::int32_t total, std::size_t agents);
  void finish();  // clears the line

 private:
  std::string label_;
  bool enabled_;
  std::chrono::steady_clock::time_point last_;
  bool drawn_ = false;
};

}  // namespace exodus
