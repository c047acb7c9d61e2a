#pragma once
// What every use case (run a scenario, run a Flee case, estimate) takes besides its inputs:
// where to write, how many threads, and hooks through which a caller (the command line, or a
// program embedding the library) hears of progress, warnings and interruption. A use case
// loads, checks, runs, scores and writes; it never prints.
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace exodus {

struct UseCaseOutput {
  std::optional<std::filesystem::path> dir;  // none: runs/<case>-seed<N> (default_output_path)
  bool force = false;                         // may replace an earlier exodus output there
  std::string command_line;                   // recorded in manifest.json
};

struct UseCaseHooks {
  // When set and true, the work stops at its next safe point; nothing is written.
  const std::atomic<bool>* stop = nullptr;
  // Once the inputs are read and checked and the output folder may be written: the case's or
  // scenario's name, and the folder the outputs will appear in when the work is done.
  std::function<void(const std::string&, const std::filesystem::path&)> started;
  // (days done, days in all, agents), after each simulated day.
  std::function<void(std::int32_t, std::int32_t, std::size_t)> progress;
  // For work counted in other steps than days (the estimate): its stage, and where the stage
  // counts them, steps done and in all (0 of 0 when it does not).
  std::function<void(const std::string&, std::int64_t, std::int64_t)> stage;
  // Input oddities the run goes ahead with (e.g. Flee's own tolerances).
  std::function<void(const std::string&)> warn;
  // Just before outputs are written (e.g. to stop reacting to Ctrl-C: outputs are whole).
  std::function<void()> before_writing;
};

// The worker threads to use: `requested` when positive, else every core; never more threads
// than cores (results do not depend on the count, only the speed does).
int resolve_threads(int requested);

}  // namespace exodus
