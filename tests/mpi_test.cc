// mpirun -np K exodus calibrate / run --members N: the members spread over K ranks, and every
// output is the same bytes as one process's, for K = 1, 2 and 3 (more ranks than cores here:
// --oversubscribe). A rank that dies fails the run cleanly, and --resume ends it. Ranks that were
// given different commands, or the same command over files whose bytes differ, are refused
// before any member runs, and no rank is left waiting for another.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>
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

// One MPI job whose ranks are each given their own command (MPMD: "A : B"), each started in its
// own working folder when one is named; bounded by `timeout`, so that a rank left waiting shows
// as exit 124 rather than a hung test.
struct RankCommand {
  std::string args;
  fs::path wdir;
};
std::string mpirun_each(const std::vector<RankCommand>& ranks) {
  std::string out = std::string("OMPI_MCA_btl_vader_single_copy_mechanism=none timeout 120 ") + EXODUS_MPIEXEC +
                    (::geteuid() == 0 ? " --allow-run-as-root" : "") + " --oversubscribe";
  for (std::size_t r = 0; r < ranks.size(); ++r)
    out += std::string(r ? " :" : "") + " -np 1" + (ranks[r].wdir.empty() ? "" : " -wdir " + ranks[r].wdir.string()) + " " +
           EXODUS_BINARY + " " + ranks[r].args;
  return out + " 2>&1";
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

// An MPMD job whose ranks run different verbs: refused on every rank before any work, at once
// (rank 0 once waited forever for a rank that ran `check` and left).
TEST(Mpi, RanksGivenDifferentCommandsAreRefusedAtOnce) {
#ifndef EXODUS_MPIEXEC
  GTEST_SKIP() << "built without MPI (EXODUS_WITH_MPI=OFF)";
#else
  const TinyCalibration t;
  const std::string calibrate = "calibrate " + t.folder.string() + " " + t.reports.string() +
                                " --members 8 --budget 64 --quiet --threads 1 --out " + (t.dir / "x").string();
  const std::string check = "check " + t.folder.string();
  for (const auto& [first, second] : {std::pair{calibrate, check}, std::pair{check, calibrate}}) {
    std::string out;
    const int code = run_shell(mpirun_each({{first, {}}, {second, {}}}), &out);
    EXPECT_NE(code, 124) << "timed out: a rank waited forever\n" << out;
    EXPECT_NE(code, 0) << out;
    EXPECT_NE(out.find("exodus: the ranks of this MPI job were given different commands: rank 1 ran 'exodus " + second +
                       "' where rank 0 ran 'exodus " + first + "'; give every rank the same command"),
              std::string::npos)
        << out;
    EXPECT_FALSE(fs::exists(t.dir / "x"));
    EXPECT_FALSE(fs::exists(t.dir / "x.checkpoint"));
  }
#endif
}

// The same verb over another scenario folder on rank 1 (MPMD): its members, of another model,
// were once merged into rank 0's outputs, and the manifest named rank 0's inputs alone.
TEST(Mpi, RanksGivenDifferentScenarioFoldersAreRefused) {
#ifndef EXODUS_MPIEXEC
  GTEST_SKIP() << "built without MPI (EXODUS_WITH_MPI=OFF)";
#else
  const TinyCalibration t;
  const fs::path other = t.dir / "other";
  fs::copy(t.folder, other);
  const std::string tail = " --seed 5 --quiet --threads 1 --out " + (t.dir / "x").string();
  for (const std::string& verb : {"calibrate {} " + t.reports.string() + " --members 8 --budget 64", std::string("run {} --members 6 --prior")}) {
    const auto with = [&](const fs::path& folder) { return fmt::format(fmt::runtime(verb), folder.string()) + tail; };
    std::string out;
    const int code = run_shell(mpirun_each({{with(t.folder), {}}, {with(other), {}}}), &out);
    EXPECT_NE(code, 124) << "timed out\n" << out;
    EXPECT_NE(code, 0) << out;
    EXPECT_NE(out.find("were given different commands: rank 1 ran 'exodus " + with(other) + "'"), std::string::npos) << out;
    EXPECT_FALSE(fs::exists(t.dir / "x")) << verb;
  }
#endif
}

// The same command, but its relative paths name other bytes on rank 1 (its own working folder,
// as on another machine): rank 0 compares the fingerprints of the models before handing out a
// member, and refuses, naming the rank. With the same bytes, the same command runs.
TEST(Mpi, RanksWhoseInputsDifferInTheirBytesAreRefusedBeforeAnyMemberRuns) {
#ifndef EXODUS_MPIEXEC
  GTEST_SKIP() << "built without MPI (EXODUS_WITH_MPI=OFF)";
#else
  const TinyCalibration t;
  const fs::path same = t.dir / "same", differs = t.dir / "differs";
  for (const fs::path& wdir : {t.dir / "w0", same, differs}) {
    fs::create_directories(wdir);
    fs::copy(t.folder, wdir / "tiny");
    fs::copy_file(t.reports, wdir / "reports.csv");
  }
  // One more person in the region: a model of other numbers.
  std::string regions = read_bytes(differs / "tiny" / "regions.csv");
  regions.replace(regions.find("100000,"), 7, "100001,");
  write_files(differs / "tiny", {{"regions.csv", regions}});
  const std::vector<std::string> commands = {"calibrate tiny reports.csv --members 8 --budget 64", "run tiny --members 6 --prior"};
  for (std::size_t k = 0; k < commands.size(); ++k) {
    const fs::path refused = t.dir / ("refused" + std::to_string(k)), ran = t.dir / ("ran" + std::to_string(k));
    const auto with = [&](const fs::path& out) { return commands[k] + " --seed 5 --quiet --threads 1 --out " + out.string(); };
    std::string out;
    const int code = run_shell(mpirun_each({{with(refused), t.dir / "w0"}, {with(refused), differs}}), &out);
    EXPECT_NE(code, 124) << "timed out\n" << out;
    EXPECT_NE(code, 0) << out;
    EXPECT_NE(out.find("exodus: rank 1: built its model from other inputs or settings than rank 0"), std::string::npos) << out;
    EXPECT_NE(out.find("No member was run"), std::string::npos) << out;
    EXPECT_FALSE(fs::exists(refused)) << commands[k];
    EXPECT_FALSE(fs::exists(t.dir / ("refused" + std::to_string(k) + ".checkpoint")));
    // The same bytes in another folder are the same inputs.
    ASSERT_EQ(run_shell(mpirun_each({{with(ran), t.dir / "w0"}, {with(ran), same}}), &out), 0) << out;
    EXPECT_GT(nlohmann::json::parse(read_bytes(ran / "manifest.json"))["member_runs_on_other_ranks"].get<int>(), 0);
  }
#endif
}

// The same command on every rank, failing on rank 1 alone (its scenario is damaged where it
// runs): rank 1 tells rank 0 it left, and rank 0 names it and its exit code rather than wait.
TEST(Mpi, ARankThatFailsAloneIsNamedAndRankZeroDoesNotWait) {
#ifndef EXODUS_MPIEXEC
  GTEST_SKIP() << "built without MPI (EXODUS_WITH_MPI=OFF)";
#else
  const TinyCalibration t;
  const fs::path good = t.dir / "good", bad = t.dir / "bad";
  for (const fs::path& wdir : {good, bad}) {
    fs::create_directories(wdir);
    fs::copy(t.folder, wdir / "tiny");
    fs::copy_file(t.reports, wdir / "reports.csv");
  }
  write_files(bad / "tiny", {{"regions.csv", "region,latitude\n"}});
  const std::string args = "calibrate tiny reports.csv --members 8 --budget 64 --seed 5 --quiet --threads 1 --out " + (t.dir / "x").string();
  std::string out;
  const int code = run_shell(mpirun_each({{args, good}, {args, bad}}), &out);
  EXPECT_NE(code, 124) << "timed out: rank 0 waited for a rank that had left\n" << out;
  EXPECT_NE(code, 0) << out;
  EXPECT_NE(out.find("exodus: rank 1: stopped with exit code 2 without building the model"), std::string::npos) << out;
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
