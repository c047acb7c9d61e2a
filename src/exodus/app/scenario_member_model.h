#pragma once
// The scenario as a calibration or an ensemble sees it (app/member_model.h): the scenario's
// priors, then one model-discrepancy sd per metric of the fitted reports; a member is the
// scenario with its values set, run with its own seed on one thread (run/scenario_member_run.h),
// members side by side on the worker pool; its likelihood is the fitted reports' under the
// observation model (observe/run_likelihood.h).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "exodus/core/limits.h"
#include "exodus/app/member_model.h"
#include "exodus/infer/posterior_runs.h"
#include "exodus/observe/report_error.h"
#include "exodus/observe/run_discrepancy.h"
#include "exodus/recorder/series_table.h"
#include "exodus/sim/worker_pool.h"
#include "exodus/world/places.h"
#include "exodus/world/scenario.h"
#include "exodus/world/scenario_registry.h"

namespace exodus {

// What one member leaves (see SlottedMemberModel).
struct ScenarioMemberSlot {
  bool ran = false;
  SeriesTable series;
  std::vector<double> expected;        // [fitted report]
  std::vector<std::uint8_t> compared;  // whether the run has a counterpart of it
  // Each figure's last log-likelihood and the discrepancy sd it was computed at: a cheap
  // move changes one metric's sd, so only that metric's figures are computed again (the
  // same values, summed in the same order). The sampler calls log_likelihood of a slot from
  // one thread at a time.
  mutable std::vector<double> figure_log_likelihood, figure_sd;
};

class ScenarioMemberModel final : public SlottedMemberModel<ScenarioMemberSlot> {
 public:
  // `fitted`: the reports the likelihood scores (they must outlive the model; none for an
  // ensemble). `people_per_agent` > 1: every run at that scale (run/people_per_agent.h), its
  // counts scaled back. `farm`: as SlottedMemberModel's.
  ScenarioMemberModel(const Scenario& base, std::vector<const Report*> fitted, const ReportErrors& errors,
                      const WorkerPool& pool, const InputLimits& limits, const std::atomic<bool>* stop,
                      double people_per_agent = 1, RankFarm* farm = nullptr);

  std::span<const ParameterPrior> priors() const override { return priors_; }
  std::size_t simulated_coordinates() const override { return values_.size(); }
  double log_likelihood(std::size_t slot, std::span<const double> x) const override;

  // The scenario a member runs: the base with the simulated coordinates of x set; during the
  // sampling only to the last day a fitted report covers (a run's days do not depend on the
  // days after them, so the full run begins with the same days).
  Scenario member_scenario(std::span<const double> x, bool full = false) const;
  // Days each sampling run simulates.
  std::int32_t horizon_days() const { return horizon_; }
  // Metrics with a discrepancy coordinate, in coordinate order after the simulated ones.
  const std::vector<std::string>& discrepancy_metrics() const { return metrics_; }
  // A member's record (slot < members), and whether it ran (false: over a limit).
  const SeriesTable& series(std::size_t m) const { return slot(m).series; }
  bool ran(std::size_t m) const { return slot(m).ran; }
  // The series' layout: the record of the first of members 0..n-1 that ran (an empty table if none).
  SeriesTable layout(std::size_t n) const;

 private:
  using Slot = ScenarioMemberSlot;
  const Scenario& base_;
  std::vector<const Report*> fitted_;
  ReportErrors errors_;
  InputLimits limits_;
  const std::atomic<bool>* stop_;
  double people_per_agent_ = 1;
  PlaceCatalog places_;
  std::vector<ParameterPrior> priors_;
  std::vector<ScenarioValue> values_;   // [simulated coordinate]
  std::vector<std::size_t> set_order_;  // scales first, then single values
  std::vector<std::string> metrics_;
  std::vector<std::size_t> report_metric_;  // [fitted report] -> its discrepancy coordinate
  std::int32_t horizon_ = 0;
  void run_into(Slot& slot, std::span<const double> x, std::uint64_t seed, bool full) const override;
  // Whether it ran, its fitted figures' expected values and, for a run over the whole
  // scenario, its series (the forecast's input).
  std::vector<std::byte> result_bytes(const Slot& slot, bool full) const override;
  void accept_result(Slot& slot, std::span<const std::byte> bytes) const override;
};

// What a population of the model's members says (infer/posterior_runs.h): members 0..n-1 as
// run over the whole scenario (run_full) at working points `x`, with these weights (a
// calibration's, or equal for an ensemble) and the discrepancies of x; members that did not run
// get weight 0.
PosteriorRuns posterior_runs_of(const ScenarioMemberModel& model, const std::vector<std::vector<double>>& x,
                                const std::vector<double>& weights, const Scenario& scenario, std::uint64_t seed);

}  // namespace exodus
