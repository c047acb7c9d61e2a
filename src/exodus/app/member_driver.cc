#include "exodus/app/member_driver.h"

#include <fmt/format.h>

#include "exodus/core/error.h"

namespace exodus {

SmcOptions calibration_options(std::size_t members, std::size_t budget, std::uint64_t seed,
                               const std::atomic<bool>* stop) {
  if (budget && budget < kLeastSimulationsPerMember * members)
    throw InputError({"--budget", 0, ""}, fmt::format("{} simulations cannot carry {} members: at least {} are needed",
                                                      budget, members, kLeastSimulationsPerMember * members));
  SmcOptions so;
  so.members = members;
  so.budget = budget ? budget : kDefaultSimulationsPerMember * members;
  so.seed = seed;
  so.stop = stop;
  return so;
}

MemberDriver::MemberDriver(int threads, RankFarm* farm, const UseCaseHooks& hooks)
    : threads_(resolve_threads(threads)), pool_(threads_), farm_(farm), hooks_(hooks) {}

void MemberDriver::begin(MemberModel& model, const std::string& fingerprint, const std::string& name,
                         const std::filesystem::path& out, bool force) {
  // Under MPI every rank has read its inputs to here: rank 0 checks that they all built this
  // model, then the others run members, rank 0 the rest.
  model.share_members(fingerprint);
  release_.emplace(farm_);
  name_ = name;
  fingerprint_ = fingerprint;
  out_ = out;
  staged_.emplace(out, force);
}

SmcResult MemberDriver::calibrate(MemberModel& model, SmcOptions so, bool resume, bool force,
                                  const std::function<void(const SmcProgress&)>& progress) {
  // Every stage is kept beside the output folder, so that a stopped calibration can go on.
  checkpoint_ = calibration_checkpoint_path(staged_->target());
  keep_stages(so, kept_, checkpoint_, {resume, force, fingerprint_, so.members, model.priors().size(), so.budget},
              hooks_.warn);
  if (hooks_.started) hooks_.started(name_, out_);
  SmcResult smc = run_smc(model, so, progress);
  stop_if_asked();
  model.run_full(smc.x, smc.run_seed);
  stop_if_asked();
  return smc;
}

void MemberDriver::run_members(MemberModel& model, const std::vector<std::vector<double>>& x,
                               const std::vector<std::uint64_t>& seeds) {
  if (hooks_.started) hooks_.started(name_, out_);
  model.run_full(x, seeds);
  stop_if_asked();
}

void MemberDriver::stop_if_asked() const {
  if (hooks_.stop && hooks_.stop->load()) throw Interrupted();
}

void MemberDriver::write(const std::string& name, const std::string& content) {
  if (!writing_ && hooks_.before_writing) hooks_.before_writing();
  writing_ = true;
  staged_->write(name, content);
}

void MemberDriver::finish(RunIdentity id, const std::function<std::string(const RunIdentity&)>& manifest) {
  id.outputs = staged_->written_and("manifest.json");
  // What the farm did, for the manifest: its ranks, the member runs it handed out, the bytes.
  if (farm_) {
    id.ranks = farm_->ranks();
    id.member_runs_on_other_ranks = farm_->jobs_handed_out();
    id.bytes_between_ranks = farm_->bytes_sent() + farm_->bytes_received();
  }
  write("manifest.json", manifest(id));
  staged_->commit();
  if (!checkpoint_.empty()) remove_checkpoint(checkpoint_);
}

}  // namespace exodus
