#pragma once
// The steps every command that runs members shares, in one place: exodus calibrate of a
// scenario or of a Flee case, and exodus run --members. What is calibrated or run is the model
// (app/member_model.h), the driver's only variable part; the use cases read their inputs, build
// the model and say what its runs mean.
//   1. the worker pool (the members run side by side on it);
//   2. under MPI, once the model is built: rank 0 checks that every rank built the same one,
//      another rank serves members until released (WorkerRankDone), and the ranks are released
//      however the driver ends;
//   3. the output folder, staged before any run (refused now, not after an hour of sampling);
//   4. for a calibration, tempered SMC with every stage kept beside the folder
//      (app/calibration_checkpoint.h), so that a stopped calibration can go on;
//   5. every member run over the whole horizon;
//   6. the outputs written, with the ranks' part in the manifest, all or nothing; the checkpoint
//      removed once they are.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "exodus/app/calibration_checkpoint.h"
#include "exodus/app/member_model.h"
#include "exodus/app/use_case.h"
#include "exodus/output/output_dir.h"
#include "exodus/output/run_identity.h"
#include "exodus/sim/worker_pool.h"

namespace exodus {

// A calibration's sampler settings: `budget` simulations at most, 0 for the default of
// kDefaultSimulationsPerMember a member. Throws InputError naming --budget when the budget
// cannot carry the members (two simulations each).
SmcOptions calibration_options(std::size_t members, std::size_t budget, std::uint64_t seed,
                               const std::atomic<bool>* stop);

class MemberDriver {
 public:
  // `threads`: as resolve_threads; `farm`: the MPI job's ranks, or none.
  MemberDriver(int threads, RankFarm* farm, const UseCaseHooks& hooks);

  int threads() const { return threads_; }
  const WorkerPool& pool() const { return pool_; }
  RankFarm* farm() const { return farm_; }

  // Steps 2 and 3, once `model` is built from the inputs (its `fingerprint`: what decides its
  // numbers). `name`: the scenario's or case's, for hooks.started.
  void begin(MemberModel& model, const std::string& fingerprint, const std::string& name, const std::filesystem::path& out,
             bool force);
  // Step 4 (`so` as calibration_options gives; `resume` and `force` as CheckpointChoice's), then
  // step 5 for the population it leaves. Throws Interrupted when stopped (the last completed
  // stage stays in checkpoint()).
  SmcResult calibrate(MemberModel& model, SmcOptions so, bool resume, bool force,
                      const std::function<void(const SmcProgress&)>& progress);
  // Step 5 alone (an ensemble). Throws Interrupted when stopped.
  void run_members(MemberModel& model, const std::vector<std::vector<double>>& x, const std::vector<std::uint64_t>& seeds);
  // Throws Interrupted when the hooks' stop is set.
  void stop_if_asked() const;

  const std::filesystem::path& out() const { return out_; }
  const std::filesystem::path& checkpoint() const { return checkpoint_; }
  // Step 6: hooks.before_writing is told, the files go into the staged folder (write), then
  // finish lists them and the ranks' part in `id`, writes manifest(id) as manifest.json,
  // commits the folder and removes the checkpoint.
  void write(const std::string& name, const std::string& content);
  void finish(RunIdentity id, const std::function<std::string(const RunIdentity&)>& manifest);

 private:
  int threads_;
  WorkerPool pool_;
  RankFarm* farm_;
  const UseCaseHooks& hooks_;
  std::optional<FarmRelease> release_;
  std::optional<StagedOutputDir> staged_;
  std::string name_, fingerprint_;
  std::filesystem::path out_, checkpoint_;
  KeptStages kept_;
  bool writing_ = false;
};

}  // namespace exodus
