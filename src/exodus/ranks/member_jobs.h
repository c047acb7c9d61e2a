#pragma once
// Members run side by side on the worker pool and, under MPI, across the ranks: the part of a
// calibration model that does not depend on what a member is (a scenario, a Flee case). A job
// is a member's working point, its seed and whether it runs over the whole horizon; what a
// member's run leaves, and the bytes it travels back as, are the model's.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "exodus/ranks/rank_farm.h"
#include "exodus/infer/smc_sampler.h"
#include "exodus/sim/worker_pool.h"

namespace exodus {

struct MemberJob {
  std::span<const double> x;
  std::uint64_t seed = 0;
  bool full = false;  // over the whole horizon (the forecast's runs), not the fitted days only
};

// Jobs and the model's slot each one runs into.
struct MemberJobList {
  std::vector<std::size_t> slots;
  std::vector<MemberJob> jobs;
};
// The sampler's simulations (over the fitted days), into their slots.
MemberJobList sampling_jobs(std::span<const SmcSimulation> simulations);
// Members 0..n-1 over the whole horizon, member m into slot m.
MemberJobList full_jobs(const std::vector<std::vector<double>>& x, const std::vector<std::uint64_t>& seeds);

// Rank 0 (or a process without MPI): runs the jobs, on its pool and on the other ranks.
//   run_here(k): runs job k in this process;
//   accept(k, bytes): job k's result as another rank sent it.
void run_member_jobs(RankFarm* farm, const WorkerPool& pool, std::span<const MemberJob> jobs,
                     const std::function<void(std::size_t)>& run_here,
                     const std::function<void(std::size_t, std::span<const std::byte>)>& accept);

// Every rank, once its model is built and before any member runs; `fingerprint`: the model's
// (a digest of its inputs' bytes and the settings that decide the numbers).
//   rank 0: waits until every other rank has built its model, and throws InputError when one
//     built another (RankFarm::meet);
//   another rank: runs the jobs rank 0 hands out until it is released, each into its result's
//     bytes (run(job)), then throws WorkerRankDone. `coordinates`: a job's x has at least this
//     many (a shorter one is another model's).
// Does nothing without a farm.
void share_member_jobs(RankFarm* farm, const std::string& fingerprint, const WorkerPool& pool, std::size_t coordinates,
                       const std::function<std::vector<std::byte>(const MemberJob&)>& run);

}  // namespace exodus
