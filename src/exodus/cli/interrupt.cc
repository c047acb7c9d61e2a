#include "exodus/cli/interrupt.h"

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <thread>

namespace exodus {

namespace {

std::atomic<bool> g_stop{false};
std::atomic<int> g_signal{0};
std::atomic<bool> g_ignoring{false};
struct sigaction g_previous_int, g_previous_term;
std::atomic<bool> g_watching{false};
std::thread g_watchdog;

// How long a step may take to notice the flag before the process is ended for it: every phase
// answers within a second, whether or not it watches the flag (reading and building inputs,
// a library's parser, a long loop that does not look).
constexpr auto kGrace = std::chrono::milliseconds(600);
constexpr auto kTick = std::chrono::milliseconds(20);

// Nothing has been staged while the flag is watched (writing sets g_ignoring), so ending the
// process here leaves no output, as the cooperative stop would.
void watch() {
  while (g_watching.load()) {
    if (g_stop.load() && !g_ignoring.load()) {
      const auto deadline = std::chrono::steady_clock::now() + kGrace;
      while (g_watching.load() && !g_ignoring.load() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(kTick);
      if (g_watching.load() && !g_ignoring.load()) {
        static const char kMessage[] = "exodus: stopped; no output written\n";
        [[maybe_unused]] const auto n = ::write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
        ::_exit(128 + (g_signal.load() > 0 ? g_signal.load() : SIGINT));
      }
      return;
    }
    std::this_thread::sleep_for(kTick);
  }
}

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
  g_watching.store(true);
  g_watchdog = std::thread(watch);
}

StopOnSignal::~StopOnSignal() {
  g_watching.store(false);
  if (g_watchdog.joinable()) g_watchdog.join();
  ::sigaction(SIGINT, &g_previous_int, nullptr);
  ::sigaction(SIGTERM, &g_previous_term, nullptr);
}

const std::atomic<bool>* StopOnSignal::flag() const { return &g_stop; }

int StopOnSignal::exit_code() const { return 128 + (g_signal.load() > 0 ? g_signal.load() : SIGINT); }

void StopOnSignal::ignore_from_now() const { g_ignoring.store(true); }

}  // namespace exodus
