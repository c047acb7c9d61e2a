#pragma once
// A Flee case as a calibration sees it (infer/smc_sampler.h's SmcModel), the first step of
// `exodus calibrate --flee`: priors on settings of the Flee rule set (named as simsetting.yml
// names them, world/flee_settings_registry.h), then one discrepancy: the sd, on the scale of
// log(x + f) below, of how far a camp's population may lie from the model's. A member is the case with its
// settings set, run with its own seed on one thread, members side by side on the worker pool,
// for the first `fit_days` days only: its likelihood compares each camp's simulated population
// with the validation data on those days, and no later data is read. Days are taken a week
// apart, counted back from the last fitted day (a camp's error is much the same from one day to
// the next, and counting every day would claim 7 times the evidence there is).
//   log(data + f) − log(sim + f) ~ Normal(0, discrepancy²)
// f, the floor, is the mean observed camp's population on the last fitted day: an error is
// relative for a camp larger than the average one and about absolute, in units of f, for a
// smaller one. So a camp's weight follows its size, as in Flee's ARD (which sums absolute
// errors over the day's camp total), and a camp the model leaves empty while the data has a few
// people (or the reverse) is not an error of many orders of magnitude. log(x + 1) instead let
// burundi's first 92 days, when its closures keep every agent from the camps, set a discrepancy
// of 4 on the log scale and drive the fit.
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

#include "exodus/dist/member_jobs.h"
#include "exodus/dist/rank_farm.h"
#include "exodus/infer/smc_sampler.h"
#include "exodus/io/flee/flee_inputs.h"
#include "exodus/recorder/camp_table.h"
#include "exodus/recorder/flee_run_result.h"
#include "exodus/sim/worker_pool.h"
#include "exodus/world/flee_settings_registry.h"
#include "exodus/world/flee_world.h"
#include "exodus/world/parameter_prior.h"

namespace exodus {

// The discrepancy's prior: a median of 0.3 on the likelihood's log(x + f) scale, from 0.09 to
// 0.95 within 90%.
ParameterPrior flee_discrepancy_prior();

class FleeCalibrationModel final : public SmcModel {
 public:
  // `priors`: each on a setting of the registry (address "move_rules.camp_movechance"); the
  // case must hold validation data for its camps. A member's world is built again from the
  // inputs with its settings: the builder derives each location's kind and starting move
  // chance from them, so setting a built world's settings would not be enough.
  // `farm`: under MPI, the ranks that share the members (dist/rank_farm.h), as for scenarios.
  FleeCalibrationModel(FleeInputs inputs, std::string case_name, std::vector<ParameterPrior> priors,
                       std::int32_t fit_days, const WorkerPool& pool, const std::atomic<bool>* stop,
                       RankFarm* farm = nullptr);

  std::span<const ParameterPrior> priors() const override { return priors_; }
  std::size_t simulated_coordinates() const override { return settings_.size(); }
  void simulate(std::span<const SmcSimulation> jobs) override;
  double log_likelihood(std::size_t slot, std::span<const double> x) const override;
  void copy_slot(std::size_t from, std::size_t to) override;
  void swap_slots(std::size_t a, std::size_t b) override;

  // The value simulated coordinate i of x sets (rounded for a whole-number setting).
  double setting_value(std::size_t i, std::span<const double> x) const;
  // The world a member runs: the case with the settings of x, over `days` days.
  FleeWorld member_world(std::span<const double> x, std::int32_t days) const;
  // Members over the whole case with these parameters and seeds, side by side on the pool (and
  // across the ranks under MPI): the runs a forecast reads (infer/camp_bands.h).
  std::vector<CampTable> run_full(const std::vector<std::vector<double>>& x, const std::vector<std::uint64_t>& seeds);
  // The case with its own settings over the whole case, one run per seed, side by side on this
  // process's pool: what the calibration is compared with.
  std::vector<CampTable> run_case_settings(const std::vector<std::uint64_t>& seeds) const;
  // Under MPI, on every rank before any member runs, as ScenarioCalibrationModel::share_members:
  // rank 0 checks every other rank built this model (the same `fingerprint`); another rank runs
  // the members rank 0 hands out until released, then throws WorkerRankDone.
  void share_members(const std::string& fingerprint);
  // The days the likelihood reads (each < fit_days).
  const std::vector<std::int32_t>& fitted_days() const { return days_; }
  // f of the likelihood's log(x + f): the forecast's bands draw the discrepancy on that scale.
  double floor() const { return floor_; }

 private:
  struct Slot {
    // log(sim + f) of each observed camp on each fitted day, [day][observed camp].
    std::vector<double> log_sim;
    CampTable full;  // a run over the whole case (run_full)
  };
  FleeInputs inputs_;
  std::string case_name_;
  FleeWorld world_;  // with the case's own settings: its camps and their data
  std::vector<ParameterPrior> priors_;
  std::vector<const FleeSetting*> settings_;  // [simulated coordinate]
  std::int32_t fit_days_;
  std::vector<std::int32_t> days_;
  std::vector<std::string> camp_names_;      // out.csv's columns
  std::vector<std::size_t> observed_camps_;  // camps with validation data
  double floor_ = 1;
  std::vector<double> log_data_;  // [day][observed camp], as log_sim
  const WorkerPool& pool_;
  const std::atomic<bool>* stop_;
  std::vector<std::unique_ptr<Slot>> slots_;
  RankFarm* farm_ = nullptr;
  // Job k runs into slots_[list.slots[k]], made when missing (dist/member_jobs.h).
  void run_jobs(const MemberJobList& list);
  void run_into(Slot& slot, std::span<const double> x, std::uint64_t seed, bool full) const;
  // What a worker rank sends back of a member: its fitted camp-days (log scale), or for a run
  // over the whole case, its camp table.
  static std::vector<std::byte> result_bytes(const Slot& slot, bool full);
  void accept_result(Slot& slot, std::span<const std::byte> bytes) const;
  // A member's run over its first `days` days, on one thread.
  FleeRunResult run_member(std::span<const double> x, std::int32_t days, std::uint64_t seed) const;
  // A world's run on one thread (members and the case's own runs go side by side on the pool).
  FleeRunResult run_alone(const FleeWorld& world, std::uint64_t seed) const;
};

}  // namespace exodus
