#pragma once
// The scenario as a calibration sees it (infer/smc_sampler.h's SmcModel): the scenario's
// priors, then one model-discrepancy sd per metric of the fitted reports; a member is the
// scenario with its values set, run with its own seed on one thread, members side by side on
// the worker pool; its likelihood is the fitted reports' under the observation model
// (observe/run_likelihood.h).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "exodus/core/limits.h"
#include "exodus/dist/member_jobs.h"
#include "exodus/dist/rank_farm.h"
#include "exodus/infer/posterior_runs.h"
#include "exodus/infer/smc_sampler.h"
#include "exodus/observe/report_error.h"
#include "exodus/recorder/series_table.h"
#include "exodus/sim/worker_pool.h"
#include "exodus/world/places.h"
#include "exodus/world/scenario.h"
#include "exodus/world/scenario_registry.h"

namespace exodus {

// The discrepancy's prior: a median of 15% on the log scale, from 5% to 47% within 90%.
ParameterPrior discrepancy_prior(const std::string& metric);
inline std::string discrepancy_address(const std::string& metric) { return "discrepancy[" + metric + "]"; }

class ScenarioCalibrationModel final : public SmcModel {
 public:
  // `fitted`: the reports the likelihood scores (they must outlive the model).
  // `people_per_agent` > 1: every run at that scale (app/people_per_agent.h), its counts scaled back.
  // `farm`: under MPI, the ranks that share the members (dist/rank_farm.h); on rank 0 members
  // run across them, and a worker rank serves them (share_members) instead of sampling.
  ScenarioCalibrationModel(const Scenario& base, std::vector<const Report*> fitted, const ReportErrors& errors,
                           const WorkerPool& pool, const InputLimits& limits, const std::atomic<bool>* stop,
                           double people_per_agent = 1, RankFarm* farm = nullptr);

  std::span<const ParameterPrior> priors() const override { return priors_; }
  std::size_t simulated_coordinates() const override { return values_.size(); }
  void simulate(std::span<const SmcSimulation> jobs) override;
  double log_likelihood(std::size_t slot, std::span<const double> x) const override;
  void copy_slot(std::size_t from, std::size_t to) override;
  void swap_slots(std::size_t a, std::size_t b) override;

  // The scenario a member runs: the base with the simulated coordinates of x set; during the
  // sampling only to the last day a fitted report covers (a run's days do not depend on the
  // days after them, so the full run begins with the same days).
  Scenario member_scenario(std::span<const double> x, bool full = false) const;
  // Days each sampling run simulates.
  std::int32_t horizon_days() const { return horizon_; }
  // Runs members 0..n-1 over the whole scenario with these parameters and seeds: after the
  // sampling, again (the runs the forecast reads; their fitted reports' counterparts are
  // unchanged); for an ensemble, once.
  void run_full(const std::vector<std::vector<double>>& x, const std::vector<std::uint64_t>& seeds);
  // Under MPI, on every rank before any member runs (dist/member_jobs.h, share_member_jobs):
  // on rank 0, checks that every other rank built this model (the same `fingerprint`, of the
  // inputs' bytes and the settings: calibration_fingerprint), throwing InputError if one did
  // not; on another rank, runs the members rank 0 hands out until released, then throws
  // WorkerRankDone (the command has nothing more to do there). Without MPI it returns.
  void share_members(const std::string& fingerprint);
  // Metrics with a discrepancy coordinate, in coordinate order after the simulated ones.
  const std::vector<std::string>& discrepancy_metrics() const { return metrics_; }
  // A member's record (slot < members), and whether it ran (false: over a limit).
  const SeriesTable& series(std::size_t slot) const { return slots_[slot]->series; }
  bool ran(std::size_t slot) const { return slots_[slot]->ran; }

 private:
  struct Slot {
    bool ran = false;
    SeriesTable series;
    std::vector<double> expected;   // [fitted report]
    std::vector<std::uint8_t> compared;  // whether the run has a counterpart of it
    // Each figure's last log-likelihood and the discrepancy sd it was computed at: a cheap
    // move changes one metric's sd, so only that metric's figures are computed again (the
    // same values, summed in the same order). The sampler calls log_likelihood of a slot from
    // one thread at a time.
    mutable std::vector<double> figure_log_likelihood, figure_sd;
  };
  const Scenario& base_;
  std::vector<const Report*> fitted_;
  ReportErrors errors_;
  const WorkerPool& pool_;
  InputLimits limits_;
  const std::atomic<bool>* stop_;
  double people_per_agent_ = 1;
  PlaceCatalog places_;
  std::vector<ParameterPrior> priors_;
  std::vector<ScenarioValue> values_;   // [simulated coordinate]
  std::vector<std::size_t> set_order_;  // scales first, then single values
  std::vector<std::string> metrics_;
  std::vector<std::size_t> report_metric_;  // [fitted report] -> its discrepancy coordinate
  std::vector<std::unique_ptr<Slot>> slots_;
  std::int32_t horizon_ = 0;
  RankFarm* farm_ = nullptr;
  // Job k runs into slots_[list.slots[k]], made when missing (dist/member_jobs.h).
  void run_jobs(const MemberJobList& list);
  void run_into(Slot& slot, std::span<const double> x, std::uint64_t seed, bool full);
  // What a worker rank sends back of a member: whether it ran, its fitted figures' expected
  // values and, for a run over the whole scenario, its series (the forecast's input).
  static std::vector<std::byte> result_bytes(const Slot& slot, bool full);
  void accept_result(Slot& slot, std::span<const std::byte> bytes) const;
};

// What the calibrated population says (infer/posterior_runs.h): the model's members as run over
// the whole scenario (run_full), with the sampler's weights and discrepancies; members that did
// not run get weight 0.
PosteriorRuns posterior_runs_of(const ScenarioCalibrationModel& model, const SmcResult& smc, const Scenario& scenario,
                                std::uint64_t seed);

}  // namespace exodus
