#pragma once
// exodus estimate: true daily flows per corridor from conflicting reports, with intervals.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "exodus/core/limits.h"
#include "exodus/core/interval.h"
#include "exodus/infer/estimate_priors.h"
#include "exodus/infer/laplace_diagnostics.h"
#include "exodus/infer/nuts_options.h"
#include "exodus/infer/report_fit.h"
#include "exodus/observe/flow_layout.h"
#include "exodus/observe/report_support.h"
#include "exodus/world/reports.h"
#include "exodus/world/scenario.h"

namespace exodus {

struct EstimateOptions {
  Date shock;
  std::optional<Date> start, end;  // default: 14 days before the shock; 100 days after it
  std::size_t draws = 2000;
  std::uint64_t seed = 1;
  const Scenario* scenario = nullptr;  // when given: its destinations' onward and return shares
  // Figures not fitted, to be predicted from the posterior (--predict): held-back figures that
  // judge the estimate.
  const ReportSet* predict = nullptr;
  EstimatePriors priors;
  // Full posterior with Stan's NUTS (preconditioned by the Laplace approximation), or the
  // Laplace approximation alone (faster, and not calibrated: see bench/estimate-sbc).
  bool sample_with_nuts = true;
  NutsOptions nuts;
  // A pilot run before the run proper finds the directions the Laplace approximation makes
  // too narrow (see infer/wide_directions.h); 0 pilot samples skips it.
  int pilot_warmup = 150, pilot_samples = 100;
  // Reruns with chains twice as long when the sampler's checks fail.
  int retries = 1;
  // When set: the stage the estimate is in ("finding the mode", "pilot run", "sampling",
  // "sampling again, twice as long") and, where it counts them, its steps done and in all.
  std::function<void(const std::string&, std::int64_t, std::int64_t)> progress;
};

struct SamplerDiagnostics {
  bool used = false;
  int chains = 0, draws = 0, divergences = 0;
  int wide_directions = 0;  // directions the pilot run widened
  bool retried = false;     // the first run failed its checks and was run again, twice as long
  double mean_tree_depth = 0, max_rhat = 0, min_ess = 0, seconds = 0;
  bool ok = false;
  std::string problem;
};

enum class FlowQuantity { kDepartures, kEntries, kExits, kStock };
inline constexpr int kFlowQuantities = 4;
const char* to_string(FlowQuantity q);



struct EstimateTotal {
  std::string label;
  std::size_t corridor = 0;  // == the layout's corridor_count(): all corridors
  std::int32_t days = 0;     // days after the shock it sums (from the shock on)
  std::int32_t extrapolated_days = 0;  // of those, days after the last one a used report covers
  Interval interval;
  std::vector<double> sorted_draws;  // the posterior draws of this total, ascending
  // Share of the posterior below x (a calibration rank).
  double rank_of(double x) const;
};

struct EstimateResult {
  FlowLayout layout;
  // daily[q][k][t]; k == corridor_count() is the total over corridors.
  std::vector<std::vector<std::vector<Interval>>> daily;
  std::vector<EstimateTotal> totals;
  std::vector<ReportFit> fits;
  std::vector<ReportPrediction> predictions;  // one per options.predict report
  ReportSupport support;  // which reports set each corridor and day
  EstimatePriors priors;  // the priors it used
  bool laplace_only = false;  // the Laplace approximation alone (no sampler)
  // The total of a corridor (corridor_count(): all of them) over its first `days` days after
  // the shock; null when the window holds no such total.
  const EstimateTotal* total_of(std::size_t corridor, std::int32_t days) const {
    for (const auto& t : totals)
      if (t.corridor == corridor && t.days == days) return &t;
    return nullptr;
  }
  std::vector<std::string> sources;
  LaplaceDiagnostics diagnostics;  // of the Laplace approximation (the sampler's starting point)
  SamplerDiagnostics sampler;
  bool ok() const { return sampler.used ? sampler.ok : diagnostics.ok; }
  std::string problem() const { return sampler.used ? sampler.problem : diagnostics.problem; }
  double seconds = 0;
};

// The corridors and days an estimate covers (used by estimate and by tests).
FlowLayout estimate_layout(const ReportSet& reports, const EstimateOptions& options);

// Refuses reports more numerous, or naming more corridors, than the limits allow: checked
// before anything whose work grows with them. Throws InputError naming `file`.
void check_estimate_size(const ReportSet& reports, const std::string& file, const InputLimits& limits);

// The window's checks, before any fitting: --end not before --start, the shock inside the
// window, no more than limits.max_days days, and some report measuring flows in it (else
// each report's reason is named). Throws InputError.
void check_estimate_window(const ReportSet& reports, const std::string& file, const EstimateOptions& options,
                           const InputLimits& limits);

// Expects inputs that passed both checks.
EstimateResult estimate_flows(const ReportSet& reports, const EstimateOptions& options);

}  // namespace exodus
