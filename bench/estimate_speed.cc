// Time of one exodus estimate fit at the size the issue sets: 200 reports, 20 corridors,
// 120 days. Reports are rendered from a truth drawn from the model's prior.
//   build/exodus_estimate_speed [DRAWS] [laplace|nuts] [SEED]
#include <chrono>
#include <cmath>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "exodus/core/random.h"
#include "exodus/infer/estimate.h"
#include "exodus/infer/estimate_model.h"
#include "exodus/observe/report_weights.h"

int main(int argc, char** argv) {
  using namespace exodus;
  const std::size_t draws = argc > 1 ? std::stoul(argv[1]) : 2000;
  const Date shock = *Date::parse("2022-09-21");
  ReportSet design{"synthetic", {}};
  const auto add = [&](std::string id, ReportMetric m, std::vector<std::string> dest, int from, int to, ReportKind k,
                       std::string by) {
    Report r;
    r.id = std::move(id);
    r.metric = m;
    r.destinations = std::move(dest);
    r.window_start = shock + from;
    r.window_end = shock + to;
    r.kind = k;
    r.reported_by = std::move(by);
    r.value = 1;
    design.reports.push_back(r);
  };
  for (int c = 0; c < 20; ++c) {
    const std::string name = fmt::format("C{}", c + 1);
    for (int w = 0; w < 6; ++w) add(fmt::format("{}_w{}", name, w), ReportMetric::kEntries, {name}, 7 * w, 7 * w + 6, ReportKind::kCount, "official");
    add(name + "_stock", ReportMetric::kStock, {name}, 0, 40, ReportKind::kEstimate, fmt::format("agency {}", c % 4));
    add(name + "_pre", ReportMetric::kEntries, {name}, -10, -4, ReportKind::kCount, "official");
  }
  for (int i = 0; i < 40; ++i)
    add(fmt::format("all_{}", i), ReportMetric::kDepartures, {"ALL"}, 0, 6 + 2 * i, i % 2 ? ReportKind::kClaim : ReportKind::kEstimate,
        fmt::format("press {}", i % 5));
  EstimateOptions o;
  o.shock = shock;
  o.start = shock + (-14);
  o.end = shock + 105;
  o.draws = draws;
  o.sample_with_nuts = !(argc > 2 && std::string(argv[2]) == "laplace");
  if (argc > 3) o.seed = std::stoull(argv[3]);  // the sampler's seed (the reports stay the same)
  o.nuts.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const auto layout = estimate_layout(design, o);
  const EstimateModel prior(layout, design);
  // Values from a truth drawn from the prior.
  CounterRng rng(7, RandomPurpose::kSynthetic, 1, 2);
  const auto normal = [&] { return standard_normal(rng); };
  Eigen::VectorXd z(static_cast<Eigen::Index>(prior.size()));
  for (Eigen::Index i = 0; i < z.size(); ++i) z(i) = normal();
  const Eigen::VectorXd truth = prior.prior_mean() + Eigen::LLT<Eigen::MatrixXd>(prior.prior_precision()).matrixU().solve(z);
  std::vector<std::vector<double>> departures;
  std::vector<double> ordinary;
  prior.flows(truth, departures, ordinary);
  for (auto& r : design.reports)
    r.value = std::max(1.0, expected_value(weights_for(layout, r), departures, ordinary) * std::exp(0.1 * normal()));
  fmt::print("{} reports, {} corridors, {} days, {} parameters, {} draws\n", design.reports.size(),
             layout.corridor_count(), layout.days, prior.size(), draws);
  // Seconds spent in each stage the estimate reports (the last one runs to the end: the draws'
  // flows, intervals and report fits).
  std::vector<std::pair<std::string, double>> stages;
  auto stage_began = std::chrono::steady_clock::now();
  const auto since = [](std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
  };
  o.progress = [&](const std::string& name, std::int64_t, std::int64_t) {
    if (!stages.empty() && stages.back().first == name) return;
    if (!stages.empty()) stages.back().second = since(stage_began);
    stage_began = std::chrono::steady_clock::now();
    stages.emplace_back(name, 0.0);
  };
  const auto t0 = std::chrono::steady_clock::now();
  const auto result = estimate_flows(design, o);
  const double seconds = since(t0);
  if (!stages.empty()) stages.back().second = since(stage_began);
  fmt::print("fit: {:.1f} s (optimiser {} evaluations; diagnostics {}{})\n", seconds,
             result.diagnostics.optimiser_evaluations, result.ok() ? "ok" : "FAILED: ",
             result.problem());
  if (result.sampler.used)
    fmt::print("sampler: {} chains on {} threads, {} draws, R-hat {:.3f}, effective draws {:.0f}, {} divergent, "
               "mean tree depth {:.1f}, {} wide directions from the pilot, {:.1f} s\n",
               o.nuts.chains, o.nuts.threads, result.sampler.draws, result.sampler.max_rhat, result.sampler.min_ess,
               result.sampler.divergences, result.sampler.mean_tree_depth, result.sampler.wide_directions,
               result.sampler.seconds);
  std::string split;
  for (const auto& [name, s] : stages) split += fmt::format("{}{} {:.1f} s", split.empty() ? "" : ", ", name, s);
  fmt::print("stages: {} (the last until the outputs are ready)\n", split);
  return 0;
}
