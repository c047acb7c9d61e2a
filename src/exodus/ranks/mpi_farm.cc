// The farm over MPI (ranks/rank_farm.h): rank 0 hands out batches as ranks ask for them and
// runs batches of its own between requests; the others serve until released.
#include <mpi.h>

#include <fmt/format.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string>

#include "exodus/core/error.h"
#include "exodus/core/sha256.h"
#include "exodus/ranks/byte_buffer.h"
#include "exodus/ranks/rank_farm.h"

namespace exodus {

namespace {

enum Tag : int {
  kRequest = 1,  // worker → 0: it wants a batch of this many jobs
  kBatch = 2,    // 0 → worker: jobs (index, bytes)…
  kResults = 3,  // worker → 0: results (index, bytes)…
  kRelease = 4,  // 0 → worker: no more work
  kHello = 5,    // worker → 0, first: its model's fingerprint, and the batch it wants
  kLeaving = 6,  // worker → 0: it left before rank 0 released it, with this exit code
  kCommand = 7,  // a rank whose command differs → 0: its command, for the error
};

// What rank 0 says of a worker that left before it was released: `met`, after it had sent the
// fingerprint of its model.
InputError left_early(int rank, std::int32_t exit_code, bool met) {
  const std::string when = met ? "before rank 0 released it" : "without building the model";
  return InputError({fmt::format("rank {}", rank), 0, ""},
                    exit_code == 0
                        ? fmt::format("left the MPI job {} (did it run another command?): give every rank the same "
                                      "command and inputs",
                                      when)
                        : fmt::format("stopped with exit code {} {}: its inputs could not be read or used there (run "
                                      "its command alone where it ran to see why); give every rank the same inputs",
                                      exit_code, when));
}

void mpi_check(int code, const char* what) {
  if (code != MPI_SUCCESS) throw std::runtime_error(std::string("MPI: ") + what + " failed");
}

// Receives the message st announced.
std::vector<std::byte> mpi_receive(const MPI_Status& st) {
  int count = 0;
  mpi_check(MPI_Get_count(&st, MPI_BYTE, &count), "MPI_Get_count");
  std::vector<std::byte> bytes(static_cast<std::size_t>(count));
  mpi_check(MPI_Recv(bytes.data(), count, MPI_BYTE, st.MPI_SOURCE, st.MPI_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE), "MPI_Recv");
  return bytes;
}

// A message's length as MPI counts it (an int).
int message_length(const std::vector<std::byte>& bytes) {
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) throw std::runtime_error("a message between ranks is over 2 GB");
  return static_cast<int>(bytes.size());
}

void mpi_send(const std::vector<std::byte>& bytes, int to, int tag) {
  mpi_check(MPI_Send(bytes.data(), message_length(bytes), MPI_BYTE, to, tag, MPI_COMM_WORLD), "MPI_Send");
}

class MpiFarm final : public RankFarm {
 public:
  MpiFarm(int rank, int ranks) : rank_(rank), ranks_(ranks) {}
  int rank() const override { return rank_; }
  int ranks() const override { return ranks_; }
  std::size_t bytes_sent() const override { return sent_; }
  std::size_t bytes_received() const override { return received_; }
  std::size_t jobs_handed_out() const override { return handed_out_; }

  void meet(const std::string& fingerprint) override {
    if (rank_ != 0 || met_) return;
    // Each worker sends one first message: its hello once it has built its model, or word that it
    // left. Until every one has, no job is handed out.
    std::vector<bool> heard(static_cast<std::size_t>(ranks_), false);
    for (int waiting = ranks_ - 1; waiting > 0; --waiting) {
      MPI_Status st;
      mpi_check(MPI_Probe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &st), "MPI_Probe");
      const auto bytes = mpi_receive(st);
      received_ += bytes.size();
      ByteReader r(bytes);
      const auto from = static_cast<std::size_t>(st.MPI_SOURCE);
      if (st.MPI_TAG == kLeaving) throw left_early(st.MPI_SOURCE, r.get<std::int32_t>(), heard[from]);
      if (st.MPI_TAG != kHello || heard[from]) throw std::runtime_error("rank 0 got a message it does not expect before the ranks met");
      heard[from] = true;
      const auto wanted = static_cast<std::size_t>(r.get<std::uint64_t>());
      const std::string theirs = r.get_string();
      if (theirs != fingerprint)
        throw InputError({fmt::format("rank {}", st.MPI_SOURCE), 0, ""},
                         fmt::format("built its model from other inputs or settings than rank 0 (fingerprint {} where "
                                     "rank 0's is {}): the files it read differ from rank 0's in their bytes, or it "
                                     "runs another version of exodus; give every rank the same inputs. No member was run",
                                     theirs.substr(0, 12), fingerprint.substr(0, 12)));
      idle_.push_back({st.MPI_SOURCE, wanted});
    }
    met_ = true;
  }

  void farm(std::size_t n, std::size_t batch, const std::function<std::vector<std::byte>(std::size_t)>& encode,
            const std::function<void(std::size_t, std::size_t)>& run_here,
            const std::function<void(std::size_t, std::span<const std::byte>)>& accept) override {
    if (!met_) throw std::logic_error("RankFarm::farm before meet: the ranks' models were not compared");
    std::size_t next = 0, outstanding = 0;
    batch = std::max<std::size_t>(batch, 1);
    const auto assign = [&](int worker, std::size_t wanted) {
      if (next >= n) return false;
      const std::size_t take = std::min(std::max<std::size_t>(wanted, 1), n - next);
      ByteWriter w;
      w.put<std::uint64_t>(take);
      for (std::size_t i = next; i < next + take; ++i) {
        w.put<std::uint64_t>(i);
        const auto job = encode(i);
        w.put_vector(std::span<const std::byte>(job));
      }
      mpi_send(w.bytes(), worker, kBatch);
      sent_ += w.bytes().size();
      next += take;
      outstanding += take;
      handed_out_ += take;
      return true;
    };
    const auto handle = [&](const MPI_Status& st) {
      const auto bytes = mpi_receive(st);
      received_ += bytes.size();
      ByteReader r(bytes);
      if (st.MPI_TAG == kRequest) {
        const auto wanted = static_cast<std::size_t>(r.get<std::uint64_t>());
        if (!assign(st.MPI_SOURCE, wanted)) idle_.push_back({st.MPI_SOURCE, wanted});
      } else if (st.MPI_TAG == kResults) {
        const auto count = r.get<std::uint64_t>();
        for (std::uint64_t k = 0; k < count; ++k) {
          const auto index = static_cast<std::size_t>(r.get<std::uint64_t>());
          const auto result = r.get_vector<std::byte>();
          if (index >= n) throw std::runtime_error("a rank sent the result of a job it was not given");
          accept(index, result);
        }
        outstanding -= static_cast<std::size_t>(count);
      } else if (st.MPI_TAG == kLeaving) {
        throw left_early(st.MPI_SOURCE, r.get<std::int32_t>(), true);
      } else {
        throw std::runtime_error("rank 0 got a message it does not expect");
      }
    };
    // Every rank has asked once already (meet: each asks once it has built the model), so rank 0
    // alone never runs a short stage before the others are ready. Ranks that asked while there
    // was nothing to hand out get work first.
    std::vector<Idle> waiting;
    waiting.swap(idle_);
    for (const auto& w : waiting)
      if (!assign(w.rank, w.wanted)) idle_.push_back(w);
    while (next < n || outstanding > 0) {
      for (;;) {
        int arrived = 0;
        MPI_Status st;
        mpi_check(MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &arrived, &st), "MPI_Iprobe");
        if (!arrived) break;
        handle(st);
      }
      if (next < n) {
        const std::size_t take = std::min(batch, n - next);
        const std::size_t begin = next;
        next += take;
        run_here(begin, begin + take);
      } else if (outstanding > 0) {
        MPI_Status st;
        mpi_check(MPI_Probe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &st), "MPI_Probe");
        handle(st);
      }
    }
  }

  void serve(const std::string& fingerprint, std::size_t batch,
             const std::function<std::vector<std::vector<std::byte>>(const std::vector<std::vector<std::byte>>&)>& run_batch)
      override {
    if (rank_ == 0 || said_hello_) throw std::logic_error("RankFarm::serve: once, on a worker rank");
    const auto ask = [&] {
      ByteWriter w;
      w.put<std::uint64_t>(std::max<std::size_t>(batch, 1));
      mpi_send(w.bytes(), 0, kRequest);
    };
    {
      ByteWriter w;
      w.put<std::uint64_t>(std::max<std::size_t>(batch, 1));
      w.put_string(fingerprint);
      mpi_send(w.bytes(), 0, kHello);
      said_hello_ = true;
    }
    for (;;) {
      MPI_Status st;
      mpi_check(MPI_Probe(0, MPI_ANY_TAG, MPI_COMM_WORLD, &st), "MPI_Probe");
      const auto bytes = mpi_receive(st);
      if (st.MPI_TAG == kRelease) {
        finish_sending();
        released_ = true;
        return;
      }
      if (st.MPI_TAG != kBatch) throw std::runtime_error("a worker rank got a message it does not expect");
      // Ask for the next batch before running this one, so that it is there when this one ends.
      ask();
      ByteReader r(bytes);
      const auto count = r.get<std::uint64_t>();
      std::vector<std::uint64_t> indices;
      std::vector<std::vector<std::byte>> jobs;
      for (std::uint64_t k = 0; k < count; ++k) {
        indices.push_back(r.get<std::uint64_t>());
        jobs.push_back(r.get_vector<std::byte>());
      }
      const auto results = run_batch(jobs);
      ByteWriter w;
      w.put<std::uint64_t>(results.size());
      for (std::size_t k = 0; k < results.size(); ++k) {
        w.put<std::uint64_t>(indices[k]);
        w.put_vector(std::span<const std::byte>(results[k]));
      }
      // Sent without waiting: rank 0 takes it when it next looks (it may be running members of
      // its own), while this rank goes on with the batch it already asked for.
      finish_sending();
      outgoing_ = std::move(w.bytes());
      mpi_check(MPI_Isend(outgoing_.data(), message_length(outgoing_), MPI_BYTE, 0, kResults, MPI_COMM_WORLD, &sending_),
                "MPI_Isend");
    }
  }

  // Waits until the last results sent have left (their buffer may then be reused).
  void finish_sending() {
    if (sending_ != MPI_REQUEST_NULL) mpi_check(MPI_Wait(&sending_, MPI_STATUS_IGNORE), "MPI_Wait");
  }

  void release() override {
    if (rank_ != 0 || released_) return;
    released_ = true;
    for (int r = 1; r < ranks_; ++r) mpi_send({}, r, kRelease);
  }

  // A worker, as it leaves: unless rank 0 released it, rank 0 may be waiting for its hello or
  // its results; it is told the worker left, and the exit code.
  void leaving(int exit_code) {
    if (rank_ == 0 || released_) return;
    finish_sending();
    ByteWriter w;
    w.put<std::int32_t>(exit_code);
    mpi_send(w.bytes(), 0, kLeaving);
    released_ = true;
  }

 private:
  struct Idle {
    int rank;
    std::size_t wanted;
  };
  int rank_, ranks_;
  // Rank 0: the workers were released; a worker: it was released, or said it left.
  bool released_ = false;
  bool met_ = false;         // rank 0: every worker's model was compared with its own
  bool said_hello_ = false;  // a worker: its model's fingerprint went to rank 0
  std::vector<Idle> idle_;
  std::vector<std::byte> outgoing_;  // a worker's results on their way to rank 0
  MPI_Request sending_ = MPI_REQUEST_NULL;
  std::size_t sent_ = 0, received_ = 0, handed_out_ = 0;
};


// Whether a launcher (Open MPI's mpirun, or a PMI/PMIx one) started this process.
bool started_by_mpirun() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_SIZE", "PMI_RANK"})
    if (std::getenv(name)) return true;
  return false;
}

}  // namespace

MpiSession::MpiSession(int* argc, char*** argv) {
  if (!started_by_mpirun()) return;
  int provided = 0;
  mpi_check(MPI_Init_thread(argc, argv, MPI_THREAD_FUNNELED, &provided), "MPI_Init_thread");
  started_ = true;
  int rank = 0, ranks = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &ranks);
  if (ranks > 1) farm_ = std::make_unique<MpiFarm>(rank, ranks);
}

MpiSession::~MpiSession() {
  if (!started_) return;
  if (farm_) farm_->release();
  farm_.reset();
  MPI_Finalize();
}

std::optional<CommandMismatch> MpiSession::compare_commands(const std::vector<std::string>& words) {
  if (!farm_) return std::nullopt;
  // Each rank's digest of its words (NUL between them: "a b" is one word, not two), to all.
  std::string text, joined;
  for (const auto& w : words) {
    text += w;
    text += '\0';
    joined += (joined.empty() ? "" : " ") + w;
  }
  const std::string mine = sha256_hex(text);
  const int ranks = farm_->ranks(), rank = farm_->rank();
  const int digest = static_cast<int>(mine.size());
  std::string all(static_cast<std::size_t>(digest * ranks), '\0');
  mpi_check(MPI_Allgather(mine.data(), digest, MPI_CHAR, all.data(), digest, MPI_CHAR, MPI_COMM_WORLD), "MPI_Allgather");
  int first = 0;
  for (int r = 1; r < ranks && !first; ++r)
    if (all.compare(static_cast<std::size_t>(r * digest), static_cast<std::size_t>(digest), all, 0,
                    static_cast<std::size_t>(digest)) != 0)
      first = r;
  if (!first) return std::nullopt;
  // Every rank knows; the rank that differs first tells rank 0 its command, for the error.
  ended_together_ = true;
  CommandMismatch m{first, "", ""};
  if (rank == first) mpi_send(std::vector<std::byte>(reinterpret_cast<const std::byte*>(joined.data()),
                                                     reinterpret_cast<const std::byte*>(joined.data() + joined.size())),
                              0, kCommand);
  if (rank == 0) {
    MPI_Status st;
    mpi_check(MPI_Probe(first, kCommand, MPI_COMM_WORLD, &st), "MPI_Probe");
    const auto bytes = mpi_receive(st);
    m.command.assign(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    m.rank0_command = joined;
  }
  return m;
}

void MpiSession::finish(int exit_code) {
  if (!started_ || !farm_ || ended_together_) return;
  // The session's farm is always an MpiFarm (made above).
  if (farm_->rank() != 0) static_cast<MpiFarm*>(farm_.get())->leaving(exit_code);
  else if (exit_code != 0) MPI_Abort(MPI_COMM_WORLD, exit_code);
}

}  // namespace exodus
