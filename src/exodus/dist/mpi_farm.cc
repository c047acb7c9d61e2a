// The farm over MPI (dist/rank_farm.h): rank 0 hands out batches as ranks ask for them and
// runs batches of its own between requests; the others serve until released.
#include <mpi.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string>

#include "exodus/dist/byte_buffer.h"
#include "exodus/dist/rank_farm.h"

namespace exodus {

namespace {

enum Tag : int {
  kRequest = 1,  // worker → 0: it wants a batch of this many jobs
  kBatch = 2,    // 0 → worker: jobs (index, bytes)…
  kResults = 3,  // worker → 0: results (index, bytes)…
  kRelease = 4,  // 0 → worker: no more work
};

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

  void farm(std::size_t n, std::size_t batch, const std::function<std::vector<std::byte>(std::size_t)>& encode,
            const std::function<void(std::size_t, std::size_t)>& run_here,
            const std::function<void(std::size_t, std::span<const std::byte>)>& accept) override {
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
      } else {
        throw std::runtime_error("rank 0 got a message it does not expect");
      }
    };
    // The first time, wait until every rank has asked (each asks once it has built the model):
    // otherwise rank 0 alone may run a short stage before the others are ready.
    while (!everyone_asked_) {
      MPI_Status st;
      mpi_check(MPI_Probe(MPI_ANY_SOURCE, kRequest, MPI_COMM_WORLD, &st), "MPI_Probe");
      const auto bytes = mpi_receive(st);
      received_ += bytes.size();
      ByteReader r(bytes);
      idle_.push_back({st.MPI_SOURCE, static_cast<std::size_t>(r.get<std::uint64_t>())});
      everyone_asked_ = idle_.size() + 1 >= static_cast<std::size_t>(ranks_);
    }
    // Ranks that asked while there was nothing to hand out get work first.
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

  void serve(std::size_t batch,
             const std::function<std::vector<std::vector<std::byte>>(const std::vector<std::vector<std::byte>>&)>& run_batch)
      override {
    const auto ask = [&] {
      ByteWriter w;
      w.put<std::uint64_t>(std::max<std::size_t>(batch, 1));
      mpi_send(w.bytes(), 0, kRequest);
    };
    ask();
    for (;;) {
      MPI_Status st;
      mpi_check(MPI_Probe(0, MPI_ANY_TAG, MPI_COMM_WORLD, &st), "MPI_Probe");
      const auto bytes = mpi_receive(st);
      if (st.MPI_TAG == kRelease) {
        finish_sending();
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

 private:
  struct Idle {
    int rank;
    std::size_t wanted;
  };
  int rank_, ranks_;
  bool released_ = false, everyone_asked_ = false;
  std::vector<Idle> idle_;
  std::vector<std::byte> outgoing_;  // a worker's results on their way to rank 0
  MPI_Request sending_ = MPI_REQUEST_NULL;
  std::size_t sent_ = 0, received_ = 0, handed_out_ = 0;
};

std::unique_ptr<MpiFarm> the_farm;
bool mpi_started = false;

// Whether a launcher (Open MPI's mpirun, or a PMI/PMIx one) started this process.
bool started_by_mpirun() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_SIZE", "PMI_RANK"})
    if (std::getenv(name)) return true;
  return false;
}

}  // namespace

RankFarm* rank_farm() { return the_farm.get(); }

MpiSession::MpiSession(int* argc, char*** argv) {
  if (!started_by_mpirun()) return;
  int provided = 0;
  mpi_check(MPI_Init_thread(argc, argv, MPI_THREAD_FUNNELED, &provided), "MPI_Init_thread");
  mpi_started = true;
  int rank = 0, ranks = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &ranks);
  if (ranks > 1) the_farm = std::make_unique<MpiFarm>(rank, ranks);
}

MpiSession::~MpiSession() {
  if (!mpi_started) return;
  if (the_farm) the_farm->release();
  the_farm.reset();
  MPI_Finalize();
}

bool MpiSession::worker() const { return the_farm && the_farm->rank() != 0; }

void MpiSession::finish(int exit_code) {
  if (mpi_started && the_farm && exit_code != 0) MPI_Abort(MPI_COMM_WORLD, exit_code);
}

}  // namespace exodus
