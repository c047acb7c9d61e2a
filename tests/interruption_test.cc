// A run stopped midway, by SIGKILL or by Ctrl-C, leaves no output folder (not even a partial
// or hidden one) and does not touch its inputs.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "test_support.h"
#include "tiny_calibration.h"

extern char** environ;

namespace exodus::testing {
namespace {

namespace fs = std::filesystem;

std::map<std::string, std::string> contents_below(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) files[fs::relative(e.path(), dir).string()] = read_bytes(e.path());
  return files;
}

struct Stopped {
  bool was_running = false;  // the process had not finished when the signal was sent
  int status = 0;            // from waitpid
  std::string output;        // stderr (and stdout) up to the end
  double seconds_to_end = 0;  // from the signal to the end of its output
};

// Two progress lines (--progress lines): at least one percent of the days is done, and the run
// goes on.
bool past_first_percent(const std::string& output, double) {
  return output.find(": day ") != output.rfind(": day ");
}

// Starts exodus with `args`, waits until `ready(output so far, seconds since the start)`,
// sends `signal`, and collects what it printed until it ended.
Stopped start_then_signal(const std::vector<std::string>& args, int signal,
                          const std::function<bool(const std::string&, double)>& ready = past_first_percent) {
  int pipe_fds[2];
  EXPECT_EQ(::pipe(pipe_fds), 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDERR_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  std::vector<std::string> argv_text{EXODUS_BINARY};
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_text) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  EXPECT_EQ(posix_spawn(&pid, EXODUS_BINARY, &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipe_fds[1]);

  Stopped result;
  char buffer[4096];
  bool signalled = false;
  const auto started = std::chrono::steady_clock::now();
  auto signalled_at = started;
  for (;;) {
    pollfd readable{pipe_fds[0], POLLIN, 0};
    if (::poll(&readable, 1, 50) > 0) {
      const ssize_t n = ::read(pipe_fds[0], buffer, sizeof buffer);
      if (n <= 0) break;
      result.output.append(buffer, static_cast<std::size_t>(n));
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (!signalled && ready(result.output, seconds)) {
      result.was_running = ::waitpid(pid, &result.status, WNOHANG) == 0;
      ::kill(pid, signal);
      signalled = true;
      signalled_at = std::chrono::steady_clock::now();
    }
  }
  result.seconds_to_end = std::chrono::duration<double>(std::chrono::steady_clock::now() - signalled_at).count();
  ::close(pipe_fds[0]);
  if (!signalled) ::kill(pid, signal);
  ::waitpid(pid, &result.status, 0);
  return result;
}

class Interruption : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = make_temp_dir("interrupt");
    inputs_ = dir_ / "inputs";
    // Nine years instead of three months: long enough to be stopped midway.
    copy_default_scenario_ending(inputs_, "2031-09-01");
    before_ = contents_below(inputs_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::vector<std::string> run_args() const {
    return {"run", inputs_.string(), "--progress", "lines", "--threads", "2", "--out", (dir_ / "run").string()};
  }
  // Only the inputs folder is left, byte for byte as it was.
  void expect_nothing_written_and_inputs_untouched() const {
    std::vector<std::string> entries;
    for (const auto& e : fs::directory_iterator(dir_)) entries.push_back(e.path().filename().string());
    EXPECT_EQ(entries, std::vector<std::string>{"inputs"});
    EXPECT_EQ(contents_below(inputs_), before_);
  }

  fs::path dir_, inputs_;
  std::map<std::string, std::string> before_;
};

TEST_F(Interruption, SigkillMidwayLeavesNoOutputFolderAndTheInputsUntouched) {
  const Stopped stopped = start_then_signal(run_args(), SIGKILL);
  ASSERT_TRUE(stopped.was_running) << "the run ended before it could be killed:\n" << stopped.output;
  ASSERT_TRUE(WIFSIGNALED(stopped.status));
  EXPECT_EQ(WTERMSIG(stopped.status), SIGKILL);
  expect_nothing_written_and_inputs_untouched();
  // The same command afterwards succeeds and writes the folder.
  EXPECT_EQ(run_exodus("run " + inputs_.string() + " --quiet --days 30 --out " + (dir_ / "run").string()), 0);
  EXPECT_TRUE(fs::exists(dir_ / "run" / "daily.csv"));
}

TEST_F(Interruption, CtrlCStopsAfterTheCurrentDayWithAMessageAndExitCode130) {
  const Stopped stopped = start_then_signal(run_args(), SIGINT);
  ASSERT_TRUE(stopped.was_running) << "the run ended before it could be stopped:\n" << stopped.output;
  ASSERT_TRUE(WIFEXITED(stopped.status)) << stopped.output;
  EXPECT_EQ(WEXITSTATUS(stopped.status), 130);
  EXPECT_NE(stopped.output.find("stopping after the current step"), std::string::npos) << stopped.output;
  EXPECT_NE(stopped.output.find("interrupted after day "), std::string::npos) << stopped.output;
  EXPECT_NE(stopped.output.find("no output written"), std::string::npos) << stopped.output;
  expect_nothing_written_and_inputs_untouched();
}

TEST_F(Interruption, SigtermStopsLikeCtrlCWithExitCode143) {
  const Stopped stopped = start_then_signal(run_args(), SIGTERM);
  ASSERT_TRUE(stopped.was_running) << stopped.output;
  ASSERT_TRUE(WIFEXITED(stopped.status)) << stopped.output;
  EXPECT_EQ(WEXITSTATUS(stopped.status), 143);
  expect_nothing_written_and_inputs_untouched();
}

// A phase that does not watch the stop flag (parsing a 90 MB scenario.yaml in the YAML
// library: seconds of work) still ends within a second of the signal, with no output.
TEST_F(Interruption, APhaseThatDoesNotWatchTheFlagStillEndsWithinASecond) {
  {
    std::ofstream yaml(inputs_ / "scenario.yaml", std::ios::app);
    const std::string line(72, 'x');
    for (int i = 0; i < 1200000; ++i) yaml << "# " << line << "\n";
  }
  before_ = contents_below(inputs_);
  // A second in: the handler is in place even on a loaded machine, and parsing (about 5 s here,
  // longer under the sanitizers) has far to go.
  const Stopped stopped =
      start_then_signal(run_args(), SIGTERM, [](const std::string&, double seconds) { return seconds > 1.0; });
  ASSERT_TRUE(stopped.was_running) << "the run ended before it could be stopped:\n" << stopped.output;
  ASSERT_TRUE(WIFEXITED(stopped.status)) << stopped.output;
  EXPECT_EQ(WEXITSTATUS(stopped.status), 143);
  // Within a second, whichever answered: the watchdog while the file is parsed (its "stopped"),
  // or the day loop when the parse ended within the watchdog's grace.
  EXPECT_NE(stopped.output.find("no output written"), std::string::npos) << stopped.output;
  EXPECT_LT(stopped.seconds_to_end, 1.0) << stopped.output;
  expect_nothing_written_and_inputs_untouched();
}

TEST_F(Interruption, CtrlCStopsAnEstimateWithExitCode130AndNoOutput) {
  const auto reports = dir_ / "inputs" / "reports.csv";
  fs::copy_file(source_dir() / "examples" / "reports" / "seeds-2022.csv", reports);
  before_ = contents_below(inputs_);
  // The estimate prints nothing until it is done (about 4 s); stop it after half a second.
  const Stopped stopped = start_then_signal({"estimate", reports.string(), "--out", (dir_ / "est").string()}, SIGINT,
                                            [](const std::string&, double seconds) { return seconds > 0.5; });
  ASSERT_TRUE(stopped.was_running) << stopped.output;
  ASSERT_TRUE(WIFEXITED(stopped.status)) << stopped.output;
  EXPECT_EQ(WEXITSTATUS(stopped.status), 130) << stopped.output;
  EXPECT_NE(stopped.output.find("estimate interrupted; no output written"), std::string::npos) << stopped.output;
  expect_nothing_written_and_inputs_untouched();
}

// A calibration killed after a stage continues with --resume from that stage, to the bytes of
// one that was never stopped (summary.json's clock readings aside).
TEST(CalibrationInterruption, SigkillAfterAStageThenResumeEndsAsAnUnstoppedOne) {
  const TinyCalibration t("400000");  // runs of some ten thousand agents: a few seconds in all
  const std::vector<std::string> args{"calibrate", t.folder.string(), t.reports.string(), "--members", "16",
                                      "--budget", "320"};
  const auto with = [&](std::vector<std::string> more) {
    std::vector<std::string> all = args;
    all.insert(all.end(), more.begin(), more.end());
    return all;
  };
  const auto joined = [](const std::vector<std::string>& words) {
    std::string line;
    for (const auto& w : words) line += (line.empty() ? "" : " ") + w;
    return line;
  };
  const fs::path whole = t.dir / "whole", killed = t.dir / "killed", checkpoint = t.dir / "killed.checkpoint";
  std::string out;
  ASSERT_EQ(run_exodus(joined(with({"--quiet", "--threads", "1", "--out", whole.string()})), &out), 0) << out;

  const Stopped stopped = start_then_signal(with({"--threads", "1", "--out", killed.string()}), SIGKILL, [](const std::string& o, double) {
    return o.find("stage  2:") != std::string::npos;
  });
  ASSERT_TRUE(stopped.was_running) << "the calibration ended before it could be killed:\n" << stopped.output;
  ASSERT_TRUE(WIFSIGNALED(stopped.status));
  EXPECT_FALSE(fs::exists(killed));
  ASSERT_TRUE(fs::exists(checkpoint));

  ASSERT_EQ(run_exodus(joined(with({"--out", killed.string(), "--resume", "--threads", "2"})), &out), 0) << out;
  EXPECT_NE(out.find("continuing from " + checkpoint.string() + ": stage "), std::string::npos) << out;
  for (const char* file : {"posterior.csv", "forecast.csv", "reports_fit.csv"})
    EXPECT_EQ(read_bytes(whole / file), read_bytes(killed / file)) << file;
  EXPECT_EQ(summary_without_seconds(whole), summary_without_seconds(killed));
  EXPECT_FALSE(fs::exists(checkpoint));  // gone once the output is complete
}

// SIGTERM while the sampler runs: the calibration ends within a second, writes no output, and
// keeps its last stage; --resume then goes on from it (a lock file left behind holds nothing).
TEST(CalibrationInterruption, SigtermWhileSamplingEndsWithinASecondAndKeepsTheLastStage) {
  const TinyCalibration t("400000");
  const fs::path out = t.dir / "stopped", checkpoint = t.dir / "stopped.checkpoint";
  const Stopped stopped = start_then_signal(
      {"calibrate", t.folder.string(), t.reports.string(), "--members", "16", "--budget", "320", "--threads", "1", "--out",
       out.string()},
      SIGTERM, [](const std::string& o, double) { return o.find("stage  1:") != std::string::npos; });
  ASSERT_TRUE(stopped.was_running) << stopped.output;
  ASSERT_TRUE(WIFEXITED(stopped.status)) << stopped.output;
  EXPECT_EQ(WEXITSTATUS(stopped.status), 143) << stopped.output;
  EXPECT_LT(stopped.seconds_to_end, 1.0) << stopped.output;
  EXPECT_NE(stopped.output.find("no output written"), std::string::npos) << stopped.output;
  EXPECT_FALSE(fs::exists(out));
  ASSERT_TRUE(fs::exists(checkpoint));
  std::string resumed;
  ASSERT_EQ(run_exodus("calibrate " + t.folder.string() + " " + t.reports.string() +
                           " --members 16 --budget 320 --resume --quiet --out " + out.string(),
                       &resumed),
            0)
      << resumed;
  EXPECT_TRUE(fs::exists(out / "posterior.csv"));
  EXPECT_FALSE(fs::exists(checkpoint));
}

}  // namespace
}  // namespace exodus::testing
