#include "exodus/cli/interrupt.h"

#include <signal.h>
#include <unistd.h>

#include <cstring>

namespace exodus {

namespace {

std::atomic<bool> g_stop{false};
std::atomic<int> g_signal{0};
std::atomic<bool> g_ignoring{false};
struct sigaction g_previous_int, g_previous_term;

extern "C" void on_stop_signal(int signal) {
  if (g_ignoring.load()) return;
  if (g_stop.exchange(true)) {
    // A second signal: the user means it. Nothing is staged while the flag is watched.
    ::_exit(128 + signal);
  }
  g_signal.store(signal);
  static const char kMessage[] =
      "\nexodus: stopping after the current step (press Ctrl-C again to stop at once); no output will be written\n";
  // write() is async-signal-safe; fmt and iostreams are not.
  [[maybe_unused]] const auto n = ::write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
}

}  // namespace

StopOnSignal::StopOnSignal() {
  g_stop.store(false);
  g_signal.store(0);
  g_ignoring.store(false);
  struct sigaction action;
  std::memset(&action, 0, sizeof action);
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  ::sigaction(SIGINT, &action, &g_previous_int);
  ::sigaction(SIGTERM, &action, &g_previous_term);
}

StopOnSignal::~StopOnSignal() {
  ::sigaction(SIGINT, &g_previous_int, nullptr);
  ::sigaction(SIGTERM, &g_previous_term, nullptr);
}

const std::atomic<bool>* StopOnSignal::flag() const { return &g_stop; }

int StopOnSignal::exit_code() const { return 128 + (g_signal.load() > 0 ? g_signal.load() : SIGINT); }

void StopOnSignal::ignore_from_now() const { g_ignoring.store(true); }

}  // namespace exodus
