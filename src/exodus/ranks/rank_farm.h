#pragma once
// Members spread over the ranks of an MPI job (`mpirun -np K exodus calibrate ...` or
// `exodus run --members N`). Rank 0 is the driver: it runs the sampler, writes every output and
// hands out batches of members to the ranks as they ask for them (a dynamic pull, so fast and
// slow ranks balance), running batches of its own between requests. The other ranks load the
// same inputs, build the same model, then only run the members they are handed and send back
// each one's reduced result (what the likelihood and the forecast read, never the whole run).
// A member's randomness is keyed by its own seed, so every output is the same bytes for any
// number of ranks and threads.
//
// The ranks must agree, or rank 0 would merge members of another model into its outputs and
// name only its own inputs in the manifest. Before any command runs, every rank compares its
// command line with rank 0's (MpiSession::compare_commands): a job whose ranks were given
// different commands stops at once, on every rank. The same command may still name files whose
// bytes differ from rank to rank (other machines, other working folders), so a worker's first
// request carries the fingerprint of the model it built (its inputs' bytes and the settings
// that decide the numbers), and rank 0 hands out no job until every rank has sent the fingerprint
// of its own model (RankFarm::meet). Rank 0 never waits for a rank that left: a worker that
// stops before rank 0 released it, having failed or not, tells rank 0 so as it leaves.
//
// Without MPI (built without it, or not started by mpirun) there is no farm: MpiSession::farm()
// is null and members run on the process's own threads, as they always did. The farm is the
// session's, handed by the command line to the use cases that share their members; nothing
// else in the process can reach it.
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "exodus/output/run_identity.h"

namespace exodus {

// Thrown on a worker rank once rank 0 has released it: the command has nothing to print or
// write there, and exits 0.
struct WorkerRankDone {};

class RankFarm {
 public:
  virtual ~RankFarm() = default;
  virtual int rank() const = 0;
  virtual int ranks() const = 0;

  // Rank 0, once its model is built and before the first farm(): waits until every other rank
  // has built its model and asked for work, and checks that each built this one (the same
  // `fingerprint`: a digest of the inputs' bytes and the settings that decide the numbers).
  // Throws InputError naming the first rank whose fingerprint differs, or that left instead (with
  // its exit code); no job has been handed out then. Later calls return at once.
  virtual void meet(const std::string& fingerprint) = 0;
  // Rank 0: runs jobs 0..n-1 across the ranks, returning when every result is in. Throws
  // std::logic_error before meet(), and InputError when a rank leaves before it is released.
  //   encode(i): the bytes a worker needs to run job i;
  //   run_here(begin, end): runs jobs [begin, end) on rank 0 itself;
  //   accept(i, bytes): job i's result as a worker sent it.
  // `batch` is how many jobs rank 0 takes at a time (its threads); workers ask for their own.
  virtual void farm(std::size_t n, std::size_t batch, const std::function<std::vector<std::byte>(std::size_t)>& encode,
                    const std::function<void(std::size_t, std::size_t)>& run_here,
                    const std::function<void(std::size_t, std::span<const std::byte>)>& accept) = 0;
  // A worker rank, once its model is built: sends rank 0 the model's fingerprint (see meet), then
  // asks for batches of `batch` jobs and runs each job's bytes into its result's bytes
  // (run_batch: the batch's jobs in, their results out, in order), until rank 0 releases it.
  virtual void serve(const std::string& fingerprint, std::size_t batch,
                     const std::function<std::vector<std::vector<std::byte>>(const std::vector<std::vector<std::byte>>&)>&
                         run_batch) = 0;
  // Rank 0: no more work will come; the workers return from serve. Idempotent.
  virtual void release() = 0;
  // Bytes rank 0 has sent and received in jobs and results (for the docs' message sizes).
  virtual std::size_t bytes_sent() const = 0;
  virtual std::size_t bytes_received() const = 0;
  // Jobs rank 0 handed to other ranks.
  virtual std::size_t jobs_handed_out() const = 0;
};

// What the farm did, for the manifest: its ranks, the member runs it handed out, the bytes.
inline void record_ranks(const RankFarm* farm, RunIdentity& id) {
  if (farm) {
    id.ranks = farm->ranks();
    id.member_runs_on_other_ranks = farm->jobs_handed_out();
    id.bytes_between_ranks = farm->bytes_sent() + farm->bytes_received();
  }
}

// The first rank whose command differs from rank 0's; the commands are known on rank 0 only.
struct CommandMismatch {
  int rank = 0;
  std::string command, rank0_command;
};

// Starts MPI when the process was started by mpirun (and exodus was built with MPI); ends it
// when destroyed. One, in main, around everything else.
class MpiSession {
 public:
  MpiSession(int* argc, char*** argv);
  ~MpiSession();
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;
  // The job's farm when it has more than one rank, else null: for the commands that share
  // their members (the command line tells which), and no one else.
  RankFarm* farm() const { return farm_.get(); }
  // Whether this process is a rank other than 0 (its output is not the command's).
  bool worker() const { return farm_ && farm_->rank() != 0; }
  // Every rank's command (its arguments, one word each), compared with rank 0's before any work:
  // every rank calls it once, first, and every rank learns whether they all agree. Nothing
  // without MPI or with one rank. After a mismatch every rank leaves with the same error, and
  // finish() neither aborts nor tells rank 0: each knows.
  std::optional<CommandMismatch> compare_commands(const std::vector<std::string>& words);
  // The command's exit code, as this rank leaves. A worker that rank 0 did not release (it never
  // served, or it failed while serving) tells rank 0 that it left, and with which code, so that
  // rank 0 never waits for it. Rank 0's failure (non-zero) aborts the whole job, since workers
  // may be running its members, and MPI_Finalize would wait for them in turn.
  void finish(int exit_code);

 private:
  std::unique_ptr<RankFarm> farm_;
  bool started_ = false;         // MPI_Init ran (a launcher started this process)
  bool ended_together_ = false;  // the ranks' commands differ: every rank knows, and leaves
};

// Releases the workers when the driver leaves its work, however it leaves (an error, a stop).
class FarmRelease {
 public:
  explicit FarmRelease(RankFarm* farm) : farm_(farm) {}
  ~FarmRelease() {
    if (farm_) farm_->release();
  }
  FarmRelease(const FarmRelease&) = delete;
  FarmRelease& operator=(const FarmRelease&) = delete;

 private:
  RankFarm* farm_;
};

}  // namespace exodus
