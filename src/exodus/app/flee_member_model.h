#pragma once
// A Flee case as a calibration sees it (app/member_model.h), the first step of
// `exodus calibrate --flee`: priors on settings of the Flee rule set (named as simsetting.yml
// names them, world/flee_settings_registry.h), then one discrepancy: the sd of how far a camp's
// population may lie from the model's, on the scale of the camp data's error model
// (observe/camp_error.h: log(x + f), f the mean observed camp on the last fitted day). A member
// is the case with its settings set, run with its own seed on one thread, members side by side
// on the worker pool, for the first `fit_days` days only: its likelihood compares each camp's
// simulated population with the validation data on those days, and no later data is read. Days
// are taken a week apart, counted back from the last fitted day (a camp's error is much the
// same from one day to the next, and counting every day would claim 7 times the evidence there
// is). The floor f, not log(x + 1): with the latter, burundi's first 92 days, when its closures
// keep every agent from the camps, set a discrepancy of 4 on the log scale and drove the fit.
// Spawning follows the case's own settings: where it spawns from the validation totals, those
// totals stay an input for every day, as they are in Flee's own runs.
// A whole-number setting (awareness_level) takes its prior's value rounded to the nearest whole
// number: its prior may reach half a unit past the setting's range, so that a uniform prior
// over [0.5, 3.5] gives 1, 2 and 3 the same chance.
#include <atomic>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "exodus/app/member_model.h"
#include "exodus/io/flee/flee_inputs.h"
#include "exodus/observe/camp_error.h"
#include "exodus/recorder/camp_table.h"
#include "exodus/recorder/flee_run_result.h"
#include "exodus/sim/worker_pool.h"
#include "exodus/world/flee_settings_registry.h"
#include "exodus/world/flee_world.h"
#include "exodus/world/parameter_prior.h"

namespace exodus {

// What one member leaves (see SlottedMemberModel).
struct FleeMemberSlot {
  // log(sim + f) of each observed camp on each fitted day, [day][observed camp].
  std::vector<double> log_sim;
  CampTable full;  // a run over the whole case (run_full)
};

class FleeMemberModel final : public SlottedMemberModel<FleeMemberSlot> {
 public:
  // `priors`: each on a setting of the registry (address "move_rules.camp_movechance"); the
  // case must hold validation data for its camps. A member's world is built again from the
  // inputs with its settings: the builder derives each location's kind and starting move
  // chance from them, so setting a built world's settings would not be enough.
  // `farm`: as SlottedMemberModel's.
  FleeMemberModel(FleeInputs inputs, std::string case_name, std::vector<ParameterPrior> priors,
                       std::int32_t fit_days, const WorkerPool& pool, const std::atomic<bool>* stop,
                       RankFarm* farm = nullptr);

  std::span<const ParameterPrior> priors() const override { return priors_; }
  std::size_t simulated_coordinates() const override { return settings_.size(); }
  double log_likelihood(std::size_t slot, std::span<const double> x) const override;

  // The value simulated coordinate i of x sets (rounded for a whole-number setting).
  double setting_value(std::size_t i, std::span<const double> x) const;
  // The world a member runs: the case with the settings of x, over `days` days.
  FleeWorld member_world(std::span<const double> x, std::int32_t days) const;
  // The runs of members 0..n-1 over the whole case (run_full), taken out of the model: the runs a
  // forecast reads (infer/camp_bands.h).
  std::vector<CampTable> take_full_runs(std::size_t n);
  // The case with its own settings over the whole case, one run per seed, side by side on this
  // process's pool: what the calibration is compared with.
  std::vector<CampTable> run_case_settings(const std::vector<std::uint64_t>& seeds) const;
  // The days the likelihood reads (each < fit_days).
  const std::vector<std::int32_t>& fitted_days() const { return days_; }
  // The camp data's error model, its floor set from the fitted days: the forecast's bands draw
  // the discrepancy from it.
  const CampError& error() const { return error_; }

 private:
  using Slot = FleeMemberSlot;
  FleeInputs inputs_;
  std::string case_name_;
  FleeWorld world_;  // with the case's own settings: its camps and their data
  std::vector<ParameterPrior> priors_;
  std::vector<const FleeSetting*> settings_;  // [simulated coordinate]
  std::int32_t fit_days_;
  std::vector<std::int32_t> days_;
  std::vector<std::string> camp_names_;      // out.csv's columns
  std::vector<std::size_t> observed_camps_;  // camps with validation data
  CampError error_{1};
  std::vector<double> log_data_;  // [day][observed camp], as log_sim
  const std::atomic<bool>* stop_;
  void run_into(Slot& slot, std::span<const double> x, std::uint64_t seed, bool full) const override;
  // Its fitted camp-days (log scale), or for a run over the whole case, its camp table.
  std::vector<std::byte> result_bytes(const Slot& slot, bool full) const override;
  void accept_result(Slot& slot, std::span<const std::byte> bytes) const override;
  // A member's run over its first `days` days, on one thread.
  FleeRunResult run_member(std::span<const double> x, std::int32_t days, std::uint64_t seed) const;
  // A world's run on one thread (members and the case's own runs go side by side on the pool).
  FleeRunResult run_alone(const FleeWorld& world, std::uint64_t seed) const;
};

}  // namespace exodus
