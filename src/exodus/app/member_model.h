#pragma once
// A model whose members are runs (a scenario, a Flee case), as the sampler and the member
// driver (app/member_driver.h) see it: what every such model shares, whatever a member is.
// The sampler's slots, and members run into them side by side on the worker pool and, under
// MPI, across the ranks (ranks/member_jobs.h). A model says only how one member runs into a slot,
// and the bytes its result travels back as from another rank.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "exodus/ranks/member_jobs.h"
#include "exodus/ranks/rank_farm.h"
#include "exodus/infer/smc_sampler.h"
#include "exodus/sim/worker_pool.h"

namespace exodus {

class MemberModel : public SmcModel {
 public:
  // Under MPI, on every rank before any member runs (ranks/member_jobs.h, share_member_jobs):
  // on rank 0, checks that every other rank built this model (the same `fingerprint`, of the
  // inputs' bytes and the settings: calibration_fingerprint), throwing InputError if one did
  // not; on another rank, runs the members rank 0 hands out until released, then throws
  // WorkerRankDone (the command has nothing more to do there). Without MPI it returns.
  virtual void share_members(const std::string& fingerprint) = 0;
  // Runs members 0..n-1 over the whole horizon with these parameters and seeds (the runs a
  // forecast reads): after the sampling, again; for an ensemble, once.
  virtual void run_full(const std::vector<std::vector<double>>& x, const std::vector<std::uint64_t>& seeds) = 0;
};

// The plumbing of a MemberModel whose member leaves a `Slot`: the subclass gives run_into,
// result_bytes and accept_result.
template <class Slot>
class SlottedMemberModel : public MemberModel {
 public:
  void simulate(std::span<const SmcSimulation> jobs) final { run_jobs(sampling_jobs(jobs)); }
  void run_full(const std::vector<std::vector<double>>& x, const std::vector<std::uint64_t>& seeds) final {
    run_jobs(full_jobs(x, seeds));
  }
  void copy_slot(std::size_t from, std::size_t to) final {
    if (slots_.size() <= to) slots_.resize(to + 1);
    slots_[to] = std::make_unique<Slot>(*slots_[from]);
  }
  void swap_slots(std::size_t a, std::size_t b) final { std::swap(slots_[a], slots_[b]); }
  void share_members(const std::string& fingerprint) final {
    share_member_jobs(farm_, fingerprint, pool_, simulated_coordinates(), [&](const MemberJob& job) {
      Slot slot;
      run_into(slot, job.x, job.seed, job.full);
      return result_bytes(slot, job.full);
    });
  }

 protected:
  // `farm`: under MPI, the ranks that share the members (ranks/rank_farm.h); on rank 0 members
  // run across them, and a worker rank serves them (share_members) instead of sampling.
  SlottedMemberModel(const WorkerPool& pool, RankFarm* farm) : pool_(pool), farm_(farm) {}
  // A member's run into `slot` in this process, on one thread (members go side by side).
  virtual void run_into(Slot& slot, std::span<const double> x, std::uint64_t seed, bool full) const = 0;
  // What a worker rank sends back of a member, and the state run_into leaves, from those bytes.
  virtual std::vector<std::byte> result_bytes(const Slot& slot, bool full) const = 0;
  virtual void accept_result(Slot& slot, std::span<const std::byte> bytes) const = 0;

  const WorkerPool& pool() const { return pool_; }
  const Slot& slot(std::size_t i) const { return *slots_[i]; }
  Slot& slot(std::size_t i) { return *slots_[i]; }

 private:
  std::vector<std::unique_ptr<Slot>> slots_;
  const WorkerPool& pool_;
  RankFarm* farm_ = nullptr;

  // Job k runs into slots_[list.slots[k]], made when missing.
  void run_jobs(const MemberJobList& list) {
    make_slots_for(slots_, list.slots);
    const auto& jobs = list.jobs;
    run_member_jobs(
        farm_, pool_, jobs, [&](std::size_t k) { run_into(*slots_[list.slots[k]], jobs[k].x, jobs[k].seed, jobs[k].full); },
        [&](std::size_t k, std::span<const std::byte> bytes) { accept_result(*slots_[list.slots[k]], bytes); });
  }
};

}  // namespace exodus
