#pragma once
// Ctrl-C (SIGINT) and SIGTERM end a long command cleanly: while a StopOnSignal is alive, the
// first such signal only raises a flag that the day loop and the sampler check, and prints one
// line saying so; the command then exits 128 + the signal number and writes no output. A second
// signal ends the process at once (nothing has been staged yet while the flag is watched). A
// step that does not notice the flag within a second (parsing, reading, building inputs) is
// not waited for: a watchdog thread ends the process then, with the same exit code and no
// output, unless the output is already being written.
#include <atomic>

namespace exodus {

class StopOnSignal {
 public:
  StopOnSignal();
  ~StopOnSignal();  // restores the previous handlers
  StopOnSignal(const StopOnSignal&) = delete;
  StopOnSignal& operator=(const StopOnSignal&) = delete;

  // The flag to hand to run options; true once a signal arrived.
  const std::atomic<bool>* flag() const;
  bool stopped() const { return flag()->load(); }
  // 128 + the signal's number (130 for SIGINT, 143 for SIGTERM).
  int exit_code() const;
  // Forgets a signal: the output is being written, so it is too late to stop.
  void ignore_from_now() const;
};

}  // namespace exodus
