// mpirun -np K exodus calibrate / run --members N: the members spread over K ranks, and every
// output is the same bytes as one process's, for K = 1, 2 and 3 (more ranks than cores here:
// --oversubscribe). A rank that dies fails the run cleanly, and --resume ends it.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "test_support.h"
#include "tiny_calibration.h"
#include "tiny_flee_calibration.h"

namespace exodus::testing {
namespace {

namespace fs = std::filesystem;

#ifdef EXODUS_MPIEXEC
// Open MPI refuses root without --allow-run-as-root (containers, CI); its shared-memory
// transport's single-copy mode needs ptrace rights containers often lack, so it is off.
std::string mpirun(int ranks) {
  return std::string("OMPI_MCA_btl_vader_single_copy_mechanism=none timeout 300 ") + EXODUS_MPIEXEC +
         (::geteuid() == 0 ? " --allow-run-as-root" : "") + " --oversubscribe -np " + std::to_string(ranks) + " " +
         EXODUS_BINARY + " ";
}

void expect_same_files(const fs::path& a, const fs::path& b, const std::vector<std::string>& files) {
  for (const auto& f : files) EXPECT_EQ(read_bytes(a / f), read_bytes(b / f)) << f << " of " << b;
  EXPECT_EQ(summary_without_seconds(a), summary_without_seconds(b)) << b;
}
#endif

TEST(Mpi, AnEnsembleIsTheSameBytesOnOneTwoAndThreeRanks) {
#ifndef EXODUS_MPIEXEC
  GTEST_SKIP() << "built without MPI (EXODUS_WITH_MPI=OFF)";
#else
  const TinyCalibration t;
  const std::string args = "run " + t.folder.string() + " --members 7 --prior --seed 5 --quiet --threads 1 --out ";
  std::string out;
  ASSERT_EQ(run_exodus(args + (t.dir / "plain").string(), &out), 0) << out;
  for (int k = 1; k <= 3; ++k) {
    const fs::path dir = t.dir / ("ranks" + std::to_string(k));
    ASSERT_EQ(run_shell(mpirun(k) + args + dir.string() + " 2>&1", &out), 0) << out;
    EXPECT_EQ(out, "") << "only rank 0 speaks, and --quiet silences it";
    expect_same_files(t.dir / "plain", dir, {"forecast.csv", "members.csv", "reports_fit.csv"});
    // The work was spread: other ranks ran members, and only their results travelled.
    const auto manifest = nlohmann::json::parse(read_bytes(dir / "manifest.json"));
    EXPECT_EQ(manifest["ranks"], k == 1 ? 1 : k);
    if (k > 1) {
      EXPECT_GT(manifest["member_runs_on_other_ranks"].get<int>(), 0);
      EXPECT_LE(manifest["member_runs_on_other_ranks"].get<int>(), 7);
      EXPECT_GT(manifest["bytes_between_ranks"].get<int>(), 0);
    }
  }
  // Two threads a rank: batches of two members; still the same bytes.
  ASSERT_EQ(run_shell(mpirun(2) + "run " + t.folder.string() + " --members 7 --prior --seed 5 --quiet --threads 2 --out " +
                          (t.dir / "threads").string() + " 2>&1",
                      &out),
            0)
      << out;
  expect_same_files(t.dir / "plain", t.dir / "threads", {"forecast.csv", "members.csv"});
#endif
}

TEST(Mpi, ACalibrationIsTheSameBytesOnOneTwoAndThreeRanks) {
#ifndef EXODUS_MPIEXEC
  GTEST_SKIP() << "built without MPI (EXODUS_WITH_MPI=OFF)";
#else
  const TinyCalibration t;
  const std::string args = "calibrate " + t.folder.string() + " " + t.reports.string() +
                           " --members 8 --budget 64 --quiet --threads 1 --out ";
  std::string out;
  ASSERT_EQ(run_exodus(args + (t.dir / "plain").string(), &out), 0) << out;
  for (int k = 1; k <= 3; ++k) {
    const fs::path dir = t.dir / ("ranks" + std::to_string(k));
    ASSERT_EQ(run_shell(mpirun(k) + args + dir.string() + " 2>&1", &out), 0) << out;
    expect_same_files(t.dir / "plain", dir, {"posterior.csv", "forecast.csv", "reports_fit.csv"});
  }
#endif
}

// A Flee case's calibration: its members' camp tables travel back from the other ranks.
TEST(Mpi, AFleeCalibrationIsTheSameBytesOnOneAndTwoRanks) {
#ifndef EXODUS_MPIEXEC
  GTEST_SKIP() << "built without MPI (EXODUS_WITH_MPI=OFF)";
#else
  const TinyFleeCalibration t;
  std::string out;
  ASSERT_EQ(run_exodus(t.command("plain") + " --threads 1", &out), 0) << out;
  ASSERT_EQ(run_shell(mpirun(2) + t.command("ranks2") + " --threads 1 2>&1", &out), 0) << out;
  expect_same_files(t.dir / "plain", t.dir / "ranks2", {"posterior.csv", "forecast.csv", "out.csv"});
  const auto manifest = nlohmann::json::parse(read_bytes(t.dir / "ranks2" / "manifest.json"));
  EXPECT_EQ(manifest["ranks"], 2);
  EXPECT_GT(manifest["member_runs_on_other_ranks"].get<int>(), 0);
#endif
}

// Commands that share no members run on rank 0 alone: one output, written once.
TEST(Mpi, OtherCommandsRunOnRankZeroAlone) {
#ifndef EXODUS_MPIEXEC
  GTEST_SKIP() << "built without MPI (EXODUS_WITH_MPI=OFF)";
#else
  const TinyCalibration t;
  std::string out;
  ASSERT_EQ(run_exodus("run " + t.folder.string() + " --seed 5 --quiet --out " + (t.dir / "plain").string(), &out), 0) << out;
  ASSERT_EQ(run_shell(mpirun(2) + "run " + t.folder.string() + " --seed 5 --out " + (t.dir / "ranks").string() + " 2>&1", &out),
            0)
      << out;
  EXPECT_EQ(read_bytes(t.dir / "plain" / "daily.csv"), read_bytes(t.dir / "ranks" / "daily.csv"));
  EXPECT_EQ(out.find("exists"), std::string::npos) << out;
#endif
}

// Bad input under mpirun: every rank stops with the error (rank 0 says it), and nothing hangs.
TEST(Mpi, BadInputEndsEveryRankWithTheError) {
#ifndef EXODUS_MPIEXEC
  GTEST_SKIP() << "built without MPI (EXODUS_WITH_MPI=OFF)";
#else
  const TinyCalibration t;
  std::string out;
  const int code = run_shell(mpirun(2) + "calibrate " + t.folder.string() + " " + (t.dir / "no-such.csv").string() +
                                 " --members 8 --budget 64 --out " + (t.dir / "x").string() + " 2>&1",
                             &out);
  EXPECT_NE(code, 0) << out;
  EXPECT_NE(code, 124) << "timed out: a rank waited forever";
  EXPECT_NE(out.find("no-such.csv"), std::string::npos) << out;
  EXPECT_FALSE(fs::exists(t.dir / "x"));
#endif
}

// A worker rank killed after a stage: mpirun ends the job, rank 0 writes nothing, and the
// stage's checkpoint lets --resume (here in one process) end with the bytes of an unbroken run.
TEST(Mpi, ARankThatDiesLeavesNoOutputAndResumeEndsTheCalibration) {
#ifndef EXODUS_MPIEXEC
  GTEST_SKIP() << "built without MPI (EXODUS_WITH_MPI=OFF)";
#else
  const TinyCalibration t("400000");  // runs of some ten thousand agents: a few seconds in all
  const std::string args =
      "calibrate " + t.folder.string() + " " + t.reports.string() + " --members 16 --budget 320 --quiet --threads 1 --out ";
  const fs::path whole = t.dir / "whole", killed = t.dir / "killed", checkpoint = t.dir / "killed.checkpoint";
  std::string out;
  ASSERT_EQ(run_exodus(args + whole.string(), &out), 0) << out;
  // Start on 2 ranks; once the first stage's checkpoint is there, kill rank 1 (the process whose
  // environment says so).
  const std::string script =
      "(" + mpirun(2) + args + killed.string() + " >/dev/null 2>&1; echo $? >'" + (t.dir / "rc").string() + "') & " +
      "for i in $(seq 1200); do [ -f '" + checkpoint.string() + "' ] && break; sleep 0.05; done; " +
      "for p in $(pgrep -f -- '--out " + killed.string() + "$'); do "
      "tr '\\0' '\\n' </proc/$p/environ 2>/dev/null | grep -qx OMPI_COMM_WORLD_RANK=1 && kill -9 $p && echo killed; done; wait";
  ASSERT_EQ(run_shell(script, &out), 0) << out;
  ASSERT_NE(out.find("killed"), std::string::npos) << "no rank 1 was found to kill: " << out;
  EXPECT_NE(read_bytes(t.dir / "rc"), "0\n") << "mpirun reports the lost rank";
  EXPECT_FALSE(fs::exists(killed)) << "no half-written output";
  ASSERT_TRUE(fs::exists(checkpoint));
  ASSERT_EQ(run_exodus(args + killed.string() + " --resume", &out), 0) << out;
  expect_same_files(whole, killed, {"posterior.csv", "forecast.csv", "reports_fit.csv"});
  EXPECT_FALSE(fs::exists(checkpoint));
#endif
}

}  // namespace
}  // namespace exodus::testing
