#include "exodus/ranks/member_jobs.h"

#include <stdexcept>

#include "exodus/ranks/byte_buffer.h"

namespace exodus {

MemberJobList sampling_jobs(std::span<const SmcSimulation> simulations) {
  MemberJobList out;
  for (const auto& s : simulations) {
    out.slots.push_back(s.slot);
    out.jobs.push_back({s.x, s.seed, false});
  }
  return out;
}

MemberJobList full_jobs(const std::vector<std::vector<double>>& x, const std::vector<std::uint64_t>& seeds) {
  if (x.size() != seeds.size()) throw std::invalid_argument("full_jobs: one seed per member");
  MemberJobList out;
  for (std::size_t m = 0; m < x.size(); ++m) {
    out.slots.push_back(m);
    out.jobs.push_back({x[m], seeds[m], true});
  }
  return out;
}

void run_member_jobs(RankFarm* farm, const WorkerPool& pool, std::span<const MemberJob> jobs,
                     const std::function<void(std::size_t)>& run_here,
                     const std::function<void(std::size_t, std::span<const std::byte>)>& accept) {
  // One member per task: a run is a tenth of a second to seconds, so the pool's overhead is nothing.
  const auto run_range = [&](std::size_t first, std::size_t last) {
    pool.for_blocks(last - first, 1, [&](std::size_t begin, std::size_t end) {
      for (std::size_t k = first + begin; k < first + end; ++k) run_here(k);
    });
  };
  if (!farm || farm->ranks() < 2) {
    run_range(0, jobs.size());
    return;
  }
  const auto encode = [&](std::size_t k) {
    ByteWriter w;
    w.put_vector(jobs[k].x);
    w.put<std::uint64_t>(jobs[k].seed);
    w.put<std::uint8_t>(jobs[k].full ? 1 : 0);
    return std::move(w.bytes());
  };
  farm->farm(jobs.size(), static_cast<std::size_t>(pool.threads()), encode, run_range, accept);
}

void share_member_jobs(RankFarm* farm, const std::string& fingerprint, const WorkerPool& pool, std::size_t coordinates,
                       const std::function<std::vector<std::byte>(const MemberJob&)>& run) {
  if (!farm || farm->ranks() < 2) return;
  if (farm->rank() == 0) {
    farm->meet(fingerprint);
    return;
  }
  farm->serve(fingerprint, static_cast<std::size_t>(pool.threads()), [&](const std::vector<std::vector<std::byte>>& encoded) {
    std::vector<std::vector<double>> x(encoded.size());
    std::vector<MemberJob> jobs(encoded.size());
    for (std::size_t k = 0; k < encoded.size(); ++k) {
      ByteReader r(encoded[k]);
      x[k] = r.get_vector<double>();
      jobs[k].x = x[k];
      jobs[k].seed = r.get<std::uint64_t>();
      jobs[k].full = r.get<std::uint8_t>() != 0;
      if (x[k].size() < coordinates) throw std::runtime_error("rank 0 sent a member of another model");
    }
    std::vector<std::vector<std::byte>> results(jobs.size());
    pool.for_blocks(jobs.size(), 1, [&](std::size_t begin, std::size_t end) {
      for (std::size_t k = begin; k < end; ++k) results[k] = run(jobs[k]);
    });
    return results;
  });
  throw WorkerRankDone{};
}

}  // namespace exodus
