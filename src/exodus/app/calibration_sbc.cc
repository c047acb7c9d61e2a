#include "exodus/app/calibration_sbc.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <exception>
#include <mutex>
#include <string>
#include <thread>

#include <fmt/format.h>

#include "exodus/app/calibration_model.h"
#include "exodus/app/exodus_run.h"
#include "exodus/app/use_case.h"
#include "exodus/core/random.h"
#include "exodus/infer/key_totals.h"
#include "exodus/observe/run_expectation.h"
#include "exodus/observe/run_likelihood.h"
#include "exodus/world/scenario_hazard.h"

namespace exodus {

namespace {

constexpr std::uint32_t kTruthStream = 0x68000000u, kRenderStream = 0x69000000u, kTotalTruthStream = 0x6a000000u;

// The share of weighted draws below the truth, ties counted half: the truth's rank in [0, 1].
double rank_of(double truth, const std::vector<std::pair<double, double>>& draws) {
  double below = 0;
  for (const auto& [v, w] : draws) below += v < truth ? w : (v == truth ? w / 2 : 0);
  return below;
}

}  // namespace

void add_calibration_sbc_records(SbcResult& sbc, const std::vector<CalibrationSbcRecord>& records) {
  for (const CalibrationSbcRecord& r : records) {
    auto q = std::find_if(sbc.quantities.begin(), sbc.quantities.end(), [&](const SbcQuantity& x) { return x.label == r.label; });
    if (q == sbc.quantities.end()) q = sbc.quantities.insert(sbc.quantities.end(), SbcQuantity{r.label, 0, 0, 0, {}});
    ++q->trials;
    q->covered90 += r.truth >= r.interval.lo90 && r.truth <= r.interval.hi90;
    q->covered50 += r.truth >= r.interval.lo50 && r.truth <= r.interval.hi50;
    q->ranks.push_back(r.rank);
  }
}

CalibrationSbcResult run_calibration_sbc(const Scenario& s, const std::vector<Report>& design, const CalibrationSbcOptions& o,
    const std::function<void(const CalibrationSbcReplicate&)>& progress) {
  const auto started = std::chrono::steady_clock::now();
  CalibrationSbcResult out;
  std::vector<Report> figures;
  for (const auto& r : design)
    if (r.kind != ReportKind::kLowerBound && r.kind != ReportKind::kDenial) figures.push_back(r);
  out.figures = figures.size();
  if (figures.empty()) throw std::invalid_argument("the design holds no two-sided figure to render");
  // Replicates run side by side, each calibration on its own share of the threads; every draw is
  // keyed by the replicate, so the result does not depend on how they are spread.
  const int threads = resolve_threads(o.threads);
  const std::size_t at_once = std::clamp<std::size_t>(o.replicates_at_once ? o.replicates_at_once : static_cast<std::size_t>(threads),
                                                      1, std::max<std::size_t>(o.replicates, 1));
  const int threads_each = std::max(1, threads / static_cast<int>(at_once));
  const PlaceCatalog places = catalog_of(s);
  const ReportErrors errors{};
  std::vector<const Report*> fitted;
  for (const auto& r : figures) fitted.push_back(&r);
  // The model's coordinates do not depend on the figures' values: one layout for every replicate.
  const WorkerPool layout_pool(1);
  const ScenarioCalibrationModel layout(s, fitted, errors, layout_pool, o.limits, nullptr);
  const std::vector<ParameterPrior> priors(layout.priors().begin(), layout.priors().end());
  const std::size_t S = layout.simulated_coordinates();

  const auto replicate = [&](std::size_t rep, const WorkerPool& pool) {
    CalibrationSbcReplicate out_rep;
    out_rep.index = rep;
    // The truth: a draw of every coordinate, and a run of it.
    std::vector<double> truth;
    for (std::size_t d = 0; d < priors.size(); ++d) {
      CounterRng rng(o.seed, RandomPurpose::kInference, static_cast<std::uint32_t>(rep), kTruthStream + static_cast<std::uint32_t>(d));
      truth.push_back(draw_working(priors[d], rng));
    }
    const Scenario world = layout.member_scenario(truth, true);
    if (forecast_leavers(world).expected > static_cast<double>(o.limits.max_agents)) {
      out_rep.failure = fmt::format("replicate {}: its truth would make more agents than --max-agents", rep);
      return out_rep;
    }
    ExodusRunOptions ro;
    ro.seed = o.seed * 1000003u + rep;
    ro.pool = &pool;
    const ExodusRunResult run = run_exodus(world, ro);
    const auto sd_of = [&](const std::string& metric) {
      for (std::size_t k = 0; k < layout.discrepancy_metrics().size(); ++k)
        if (layout.discrepancy_metrics()[k] == metric) return std::exp(truth[S + k]);
      return -1.0;  // no report of the metric: a draw from the discrepancy's prior (below)
    };

    // The figures a source would publish of that truth, each with its own discrepancy draw.
    std::vector<Report> rendered = figures;
    for (std::size_t i = 0; i < rendered.size(); ++i) {
      Report& r = rendered[i];
      CounterRng rng(o.seed, RandomPurpose::kInference, static_cast<std::uint32_t>(rep), kRenderStream + static_cast<std::uint32_t>(i));
      const RunExpectation e = expected_in_run(r, places, world.shock_date, run.series);
      if (!e.ok) continue;  // no counterpart: the calibration does not score it either
      const double value = draw_run_truth(r, e.value, sd_of(to_string(r.metric)), rng);
      r.value = draw_report_of_truth(r, value, errors, rng);
    }
    std::vector<const Report*> ptrs;
    for (const auto& r : rendered) ptrs.push_back(&r);

    ScenarioCalibrationModel model(s, ptrs, errors, pool, o.limits, nullptr, o.people_per_agent.value_or(s.calibration_people_per_agent));
    SmcOptions so;
    so.members = o.members;
    so.budget = o.budget ? o.budget : kDefaultSimulationsPerMember * o.members;
    so.seed = o.seed * 7919u + rep + 1 + o.sampler_seed * 1000003u;
    so.ess_share = o.ess_share;
    so.unmoved_chance = o.unmoved_chance;
    so.independent_dof = o.independent_dof;
    SmcResult smc;
    try {
      smc = run_smc(model, so);
    } catch (const std::invalid_argument& e) {
      out_rep.failure = fmt::format("replicate {}: {}", rep, e.what());
      return out_rep;
    }
    out_rep.simulations = smc.simulations;
    out_rep.reached_posterior = smc.reached_posterior;
    out_rep.stages = smc.stages;
    std::vector<std::vector<double>> distinct = smc.x;
    std::sort(distinct.begin(), distinct.end());
    out_rep.distinct_members = static_cast<std::size_t>(std::unique(distinct.begin(), distinct.end()) - distinct.begin());
    {
      // The truth scored as a member would be (a spare slot: the members' own are read below).
      const std::size_t spare = o.members;
      const SmcSimulation job{spare, truth, ro.seed + 1};
      model.simulate(std::span<const SmcSimulation>(&job, 1));
      out_rep.truth_log_likelihood = model.log_likelihood(spare, truth);
      const auto log_prior = [&](const std::vector<double>& x) {
        double lp = 0;
        for (std::size_t d = 0; d < priors.size(); ++d) lp += log_density_working(priors[d], x[d]);
        return lp;
      };
      out_rep.truth_log_prior = log_prior(truth);
      std::vector<double> ll = smc.log_likelihood, lp;
      for (const auto& x : smc.x) lp.push_back(log_prior(x));
      const auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v.empty() ? 0.0 : v[v.size() / 2];
      };
      out_rep.members_log_likelihood = median(ll);
      out_rep.members_log_prior = median(lp);
    }
    for (std::size_t d = 0; d < priors.size(); ++d) {
      std::vector<std::pair<double, double>> draws;
      std::vector<double> column;
      for (std::size_t m = 0; m < smc.x.size(); ++m) {
        draws.emplace_back(smc.x[m][d], smc.weights[m]);
        column.push_back(smc.x[m][d]);
      }
      out_rep.records.push_back({priors[d].address, value_of(priors[d], truth[d]), rank_of(truth[d], draws),
                                 value_interval(priors[d], column, smc.weights)});
    }

    // The key totals, forecast past the figures: the truth's own run with a discrepancy of its metric.
    model.run_full(smc.x, smc.run_seed);
    const PosteriorRuns runs = posterior_runs_of(model, smc, s, so.seed);
    const std::vector<ForecastTotal> totals = key_totals(runs, s);
    for (std::size_t k = 0; k < totals.size(); ++k) {
      const ForecastTotal& t = totals[k];
      const auto first = static_cast<std::size_t>(t.first - s.start_date), last = static_cast<std::size_t>(t.last - s.start_date);
      CounterRng rng(o.seed, RandomPurpose::kInference, static_cast<std::uint32_t>(rep), kTotalTruthStream + static_cast<std::uint32_t>(k));
      double sd = sd_of(t.metric);
      if (sd < 0) sd = value_of(runs.unfitted_discrepancy, draw_working(runs.unfitted_discrepancy, rng));
      const double value = run.series.sum(t.kind, t.index, t.metric, first, last) * std::exp(sd * standard_normal(rng));
      out_rep.records.push_back({t.label, value, rank_of(value, total_draws(runs, t.kind, t.index, t.metric, first, last)), t.interval});
    }
    return out_rep;
  };

  std::vector<CalibrationSbcReplicate> found(o.replicates);
  std::atomic<std::size_t> next{0};
  std::mutex progress_mutex;
  std::exception_ptr error;
  const auto worker = [&] {
    const WorkerPool pool(threads_each);
    for (std::size_t k; (k = next++) < o.replicates;) {
      const std::size_t rep = o.first_replicate + k;
      try {
        found[k] = replicate(rep, pool);
      } catch (...) {
        const std::lock_guard lock(progress_mutex);
        if (!error) error = std::current_exception();
        next = o.replicates;
        return;
      }
      if (progress) {
        const std::lock_guard lock(progress_mutex);
        progress(found[k]);
      }
    }
  };
  std::vector<std::thread> workers;
  for (std::size_t t = 1; t < at_once; ++t) workers.emplace_back(worker);
  worker();
  for (auto& t : workers) t.join();
  if (error) std::rethrow_exception(error);

  // Merged in replicate order: the same tables whatever ran where.
  for (const auto& p : priors) out.sbc.quantities.push_back({p.address, 0, 0, 0, {}});
  for (const CalibrationSbcReplicate& rep : found) {
    if (!rep.failure.empty()) {
      ++out.sbc.failed_fits;
      out.sbc.failures.push_back(rep.failure);
      continue;
    }
    out.simulations += rep.simulations;
    out.reached_posterior += rep.reached_posterior;
    add_calibration_sbc_records(out.sbc, rep.records);
  }
  out.sbc.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return out;
}

}  // namespace exodus
