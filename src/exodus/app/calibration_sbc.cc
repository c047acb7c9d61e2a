#include "exodus/app/calibration_sbc.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include <fmt/format.h>

#include "exodus/app/load_scenario.h"
#include "exodus/app/scenario_member_model.h"
#include "exodus/app/use_case.h"
#include "exodus/core/random.h"
#include "exodus/core/random_streams.h"
#include "exodus/core/sample_moments.h"
#include "exodus/infer/key_totals.h"
#include "exodus/observe/run_expectation.h"
#include "exodus/observe/run_likelihood.h"
#include "exodus/run/exodus_run.h"
#include "exodus/run/people_per_agent.h"
#include "exodus/world/scenario_hazard.h"

namespace exodus {

namespace {

using inference_stream::kSbcTruth, inference_stream::kSbcRender, inference_stream::kSbcTotalTruth,
    inference_stream::kSbcRank;

double median_of(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0.0 : v[v.size() / 2];
}

// What every replicate shares: the scenario, the design's two-sided figures and the model's
// layout (its coordinates do not depend on the figures' values, and it sets a truth's values on
// the scenario).
struct Design {
  Design(const Scenario& s, const std::vector<Report>& design, const CalibrationSbcOptions& o)
      : scenario(s), options(o), places(catalog_of(s)) {
    for (const auto& r : design)
      if (r.kind != ReportKind::kLowerBound && r.kind != ReportKind::kDenial) figures.push_back(r);
    if (figures.empty()) throw std::invalid_argument("the design holds no two-sided figure to render");
    for (const auto& r : figures) fitted.push_back(&r);
    layout = std::make_unique<ScenarioMemberModel>(s, fitted, errors, one_thread, o.limits, nullptr);
    priors.assign(layout->priors().begin(), layout->priors().end());
  }
  const Scenario& scenario;
  const CalibrationSbcOptions& options;
  std::vector<Report> figures;
  std::vector<const Report*> fitted;
  PlaceCatalog places;
  ReportErrors errors{};
  WorkerPool one_thread{1};
  std::unique_ptr<ScenarioMemberModel> layout;
  std::vector<ParameterPrior> priors;

  // The truth's discrepancy sd of a metric; -1 when no figure of the design speaks of it.
  double sd_of(const std::vector<double>& truth, const std::string& metric) const {
    const auto& metrics = layout->discrepancy_metrics();
    for (std::size_t k = 0; k < metrics.size(); ++k)
      if (metrics[k] == metric) return std::exp(truth[layout->simulated_coordinates() + k]);
    return -1.0;
  }
  double log_prior(const std::vector<double>& x) const {
    double lp = 0;
    for (std::size_t d = 0; d < priors.size(); ++d) lp += log_density_working(priors[d], x[d]);
    return lp;
  }
};

std::vector<double> draw_truth(const Design& g, std::size_t rep) {
  std::vector<double> truth;
  for (std::size_t d = 0; d < g.priors.size(); ++d) {
    CounterRng rng(g.options.seed, RandomPurpose::kInference, static_cast<std::uint32_t>(rep),
                   kSbcTruth + static_cast<std::uint32_t>(d));
    truth.push_back(draw_working(g.priors[d], rng));
  }
  return truth;
}

// The figures a source would publish of the truth's run, each with its own discrepancy draw.
std::vector<Report> render_figures(const Design& g, std::size_t rep, const std::vector<double>& truth, const Scenario& world,
                                   const SeriesTable& series) {
  std::vector<Report> rendered = g.figures;
  for (std::size_t i = 0; i < rendered.size(); ++i) {
    Report& r = rendered[i];
    CounterRng rng(g.options.seed, RandomPurpose::kInference, static_cast<std::uint32_t>(rep),
                   kSbcRender + static_cast<std::uint32_t>(i));
    const RunExpectation e = expected_in_run(r, g.places, world.shock_date, series);
    if (!e.ok) continue;  // no counterpart: the calibration does not score it either
    const double value = draw_run_truth(r, e.value, g.sd_of(truth, to_string(r.metric)), rng);
    r.value = draw_report_of_truth(r, value, g.errors, rng);
  }
  return rendered;
}

// The truth scored as a member would be (in spare slots, several runs), beside the members' medians.
void score_truth_beside_members(const Design& g, ScenarioMemberModel& model, const SmcResult& smc,
                                const std::vector<double>& truth, std::uint64_t seed, CalibrationSbcReplicate& out) {
  std::vector<SmcSimulation> jobs;
  for (std::size_t k = 0; k < CalibrationSbcReplicate::kTruthRuns; ++k) jobs.push_back({g.options.members + k, truth, seed + k});
  model.simulate(jobs);
  std::vector<double> ll;
  for (const auto& job : jobs) ll.push_back(model.log_likelihood(job.slot, truth));
  const SampleMoments truth_ll = sample_moments(ll);
  out.truth_log_likelihood = truth_ll.mean;
  out.truth_log_likelihood_sd = truth_ll.sd;
  out.truth_log_prior = g.log_prior(truth);
  std::vector<double> lp;
  for (const auto& x : smc.x) lp.push_back(g.log_prior(x));
  out.members_log_likelihood = median_of(smc.log_likelihood);
  out.members_log_prior = median_of(lp);
}

// Members whose simulated parameters are not a copy of another's: the discrepancy sds move
// without a simulation, so members would look distinct by them alone.
std::size_t distinct_members(const std::vector<std::vector<double>>& x, std::size_t simulated) {
  std::vector<std::vector<double>> runs;
  for (const auto& m : x) runs.emplace_back(m.begin(), m.begin() + static_cast<std::ptrdiff_t>(simulated));
  std::sort(runs.begin(), runs.end());
  return static_cast<std::size_t>(std::unique(runs.begin(), runs.end()) - runs.begin());
}

// The truth's rank among the draws of the replicate's `k`-th quantity (infer/sbc.h).
// `members` > 0: the draws are a mixture of that many members' (core/interval.h).
double rank_of(const Design& g, std::size_t rep, std::size_t k, double truth, const std::vector<std::pair<double, double>>& draws,
               std::size_t members = 0) {
  CounterRng rng(g.options.seed, RandomPurpose::kInference, static_cast<std::uint32_t>(rep),
                 kSbcRank + static_cast<std::uint32_t>(k));
  return sbc_rank(truth, draws, rng, members);
}

void record_parameters(const Design& g, std::size_t rep, const SmcResult& smc, const std::vector<double>& truth,
                       CalibrationSbcReplicate& out) {
  for (std::size_t d = 0; d < g.priors.size(); ++d) {
    std::vector<std::pair<double, double>> draws;
    std::vector<double> column;
    for (std::size_t m = 0; m < smc.x.size(); ++m) {
      draws.emplace_back(smc.x[m][d], smc.weights[m]);
      column.push_back(smc.x[m][d]);
    }
    out.records.push_back({g.priors[d].address, value_of(g.priors[d], truth[d]), rank_of(g, rep, d, truth[d], draws),
                           value_interval(g.priors[d], column, smc.weights)});
  }
}

// The key totals, forecast past the figures, against the truth's own run with a discrepancy of
// the total's metric (the truth's where the design fits the metric, else a draw of its prior).
void record_totals(const Design& g, std::size_t rep, ScenarioMemberModel& model, const SmcResult& smc,
                   std::uint64_t sampler_seed, const std::vector<double>& truth, const SeriesTable& truth_series,
                   CalibrationSbcReplicate& out) {
  const Scenario& s = g.scenario;
  model.run_full(smc.x, smc.run_seed);
  const PosteriorRuns runs = posterior_runs_of(model, smc.x, smc.weights, s, sampler_seed);
  const std::vector<ForecastTotal> totals = key_totals(runs, s);
  for (std::size_t k = 0; k < totals.size(); ++k) {
    const ForecastTotal& t = totals[k];
    const auto first = static_cast<std::size_t>(t.first - s.start_date), last = static_cast<std::size_t>(t.last - s.start_date);
    CounterRng rng(g.options.seed, RandomPurpose::kInference, static_cast<std::uint32_t>(rep),
                   kSbcTotalTruth + static_cast<std::uint32_t>(k));
    double sd = g.sd_of(truth, t.metric);
    if (sd < 0) sd = value_of(runs.unfitted_discrepancy, draw_working(runs.unfitted_discrepancy, rng));
    const double value = truth_series.sum(t.kind, t.index, t.metric, first, last) * std::exp(sd * standard_normal(rng));
    const double rank = rank_of(g, rep, g.priors.size() + k, value, total_draws(runs, t.kind, t.index, t.metric, first, last),
                                members_ran(runs));
    out.records.push_back({t.label, value, rank, t.interval});
  }
}

// One replicate: a truth, its run, the figures rendered from it, a calibration on them, and where
// the truth falls.
CalibrationSbcReplicate run_replicate(const Design& g, std::size_t rep, const WorkerPool& pool) {
  const CalibrationSbcOptions& o = g.options;
  const Scenario& s = g.scenario;
  CalibrationSbcReplicate out;
  out.index = rep;
  const std::vector<double> truth = draw_truth(g, rep);
  const Scenario world = g.layout->member_scenario(truth, true);
  const Scenario scaled = scaled_to_agents(world, o.truth_people_per_agent);
  if (forecast_leavers(scaled).expected > static_cast<double>(o.limits.max_agents)) {
    out.failure = fmt::format("replicate {}: its truth would make more agents than --max-agents", rep);
    return out;
  }
  RunOptions ro;
  ro.seed = o.seed * 1000003u + rep;
  ro.pool = &pool;
  ExodusRunResult run = run_exodus(scaled, ro);
  scale_counts_back(run.series, o.truth_people_per_agent);

  const std::vector<Report> rendered = render_figures(g, rep, truth, world, run.series);
  std::vector<const Report*> ptrs;
  for (const auto& r : rendered) ptrs.push_back(&r);
  ScenarioMemberModel model(s, ptrs, g.errors, pool, o.limits, nullptr,
                                 o.people_per_agent.value_or(s.calibration_people_per_agent));
  SmcOptions so;
  so.members = o.members;
  so.budget = o.budget ? o.budget : kDefaultSimulationsPerMember * o.members;
  so.seed = o.seed * 7919u + rep + 1 + o.sampler_seed * 1000003u;
  so.ess_share = o.ess_share;
  so.unmoved_chance = o.unmoved_chance;
  so.spend_budget_at_posterior = o.spend_budget_at_posterior;
  so.independent_dof = o.independent_dof;
  SmcResult smc;
  try {
    smc = run_smc(model, so);
  } catch (const std::invalid_argument& e) {
    out.failure = fmt::format("replicate {}: {}", rep, e.what());
    return out;
  }
  out.simulations = smc.simulations;
  out.reached_posterior = smc.reached_posterior;
  out.stages = smc.stages;
  out.distinct_members = distinct_members(smc.x, model.simulated_coordinates());
  score_truth_beside_members(g, model, smc, truth, ro.seed + 1, out);
  record_parameters(g, rep, smc, truth, out);
  record_totals(g, rep, model, smc, so.seed, truth, run.series, out);
  return out;
}

}  // namespace

void add_calibration_sbc_records(SbcResult& sbc, const std::vector<CalibrationSbcRecord>& records) {
  for (const CalibrationSbcRecord& r : records) {
    auto q = std::find_if(sbc.quantities.begin(), sbc.quantities.end(), [&](const SbcQuantity& x) { return x.label == r.label; });
    if (q == sbc.quantities.end()) q = sbc.quantities.insert(sbc.quantities.end(), SbcQuantity{.label = r.label, .ranks = {}});
    const Interval& i = r.interval;
    if (i.lo90 == r.truth && i.hi90 == r.truth && i.lo50 == r.truth && i.hi50 == r.truth) {
      ++q->without_spread;
      continue;
    }
    q->add_trial(r.truth, i, r.rank);
  }
}

CalibrationSbcResult run_calibration_sbc(const Scenario& s, const std::vector<Report>& design, const CalibrationSbcOptions& o,
                                         const std::function<void(const CalibrationSbcReplicate&)>& progress) {
  const auto started = std::chrono::steady_clock::now();
  const Design g(s, design, o);

  // Replicates run side by side, each calibration on its own share of the threads; every draw is
  // keyed by the replicate, so the result does not depend on how they are spread.
  const int threads = resolve_threads(o.threads);
  const std::size_t at_once = std::clamp<std::size_t>(o.replicates_at_once ? o.replicates_at_once : static_cast<std::size_t>(threads),
                                                      1, std::max<std::size_t>(o.replicates, 1));
  const int threads_each = std::max(1, threads / static_cast<int>(at_once));
  std::vector<CalibrationSbcReplicate> found(o.replicates);
  std::atomic<std::size_t> next{0};
  std::mutex progress_mutex;
  std::exception_ptr error;
  const auto worker = [&] {
    const WorkerPool pool(threads_each);
    for (std::size_t k; (k = next++) < o.replicates;) {
      try {
        found[k] = run_replicate(g, o.first_replicate + k, pool);
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
  CalibrationSbcResult out;
  out.figures = g.figures.size();
  for (const auto& p : g.priors) out.sbc.quantities.push_back({.label = p.address, .ranks = {}});
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
