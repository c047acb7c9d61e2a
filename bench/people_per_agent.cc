// What agents standing for several people do to a calibration's likelihood: the 2022 scenario
// with its own values, run to the last day a figure published by --as-of covers, scored against
// those figures (discrepancy sds at the prior's median, 15%) for several seeds at each scale.
// Reports each scale's mean and sd of the log-likelihood over seeds and its time per run; then,
// from whole runs, what each scale does to the forecast's key totals (departures to each month's
// end, each destination's leavers in 30 and 60 days): the mean over seeds against one agent a
// person (a bias the calibration's intervals would carry) and the scatter over seeds.
//   build/exodus_people_per_agent [--seeds N] [--as-of DATE] [--scenario DIR]
#include <CLI/CLI.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "exodus/app/load_scenario.h"
#include "exodus/app/scenario_member_model.h"
#include "exodus/app/use_case.h"
#include "exodus/core/date.h"
#include "exodus/core/sample_moments.h"
#include "exodus/infer/key_totals.h"
#include "exodus/run/exodus_run.h"
#include "exodus/world/scenario_registry.h"

namespace {

// The scenario's own values on the model's working scale, and each discrepancy at its prior's
// median (15%).
std::vector<double> scenario_values(const exodus::ScenarioMemberModel& model, const exodus::Scenario& s) {
  std::vector<double> x;
  for (std::size_t d = 0; d < model.priors().size(); ++d) {
    const auto& p = model.priors()[d];
    x.push_back(d < model.simulated_coordinates() ? exodus::working_of(p, exodus::ScenarioValue(s, p.address).get(s))
                                                  : exodus::working_of(p, 0.15));
  }
  return x;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace exodus;
  CLI::App app("the likelihood's scatter when agents stand for several people");
  std::size_t seeds = 8;
  std::string as_of = "2022-09-30";
  std::optional<std::string> folder;
  std::vector<double> scales{1, 2, 5, 10, 20};
  int threads = 0;
  app.add_option("--seeds", seeds)->capture_default_str();
  app.add_option("--as-of", as_of)->capture_default_str();
  app.add_option("--scenario", folder);
  app.add_option("--scales", scales)->capture_default_str();
  app.add_option("--threads", threads);
  CLI11_PARSE(app, argc, argv);
  const Scenario s = load_scenario(folder ? std::optional<std::filesystem::path>(*folder) : std::nullopt).scenario;
  const Date cut = *Date::parse(as_of);
  std::vector<const Report*> fitted;
  for (const auto& set : s.reports)
    for (const auto& r : set.reports)
      if (r.reported_on.value_or(r.window_end) <= cut) fitted.push_back(&r);
  const WorkerPool pool(resolve_threads(threads));
  fmt::print("scenario {}, {} figures published by {}, {} seeds per scale, {} threads\n", s.name, fitted.size(), as_of,
             seeds, pool.threads());
  fmt::print("{:>16} {:>14} {:>14} {:>16} {:>12}\n", "people/agent", "mean loglik", "sd over seeds", "mean - at 1", "s per run");
  double mean_at_1 = 0;
  for (const double k : scales) {
    ScenarioMemberModel model(s, fitted, ReportErrors{}, pool, InputLimits{}, nullptr, k);
    const std::vector<double> x = scenario_values(model, s);
    std::vector<SmcSimulation> jobs;
    for (std::size_t i = 0; i < seeds; ++i) jobs.push_back({i, x, 1000 + i});
    const auto t0 = std::chrono::steady_clock::now();
    model.simulate(jobs);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::vector<double> ll;
    for (std::size_t i = 0; i < seeds; ++i) ll.push_back(model.log_likelihood(i, x));
    const auto [mean, sd] = sample_moments(ll);
    if (k == 1) mean_at_1 = mean;
    fmt::print("{:>16g} {:>14.2f} {:>14.2f} {:>16.2f} {:>12.3f}\n", k, mean, sd, mean - mean_at_1,
               seconds * pool.threads() / static_cast<double>(seeds));
  }
  fmt::print("(sd over seeds: the noise a member's likelihood carries; the sampler needs it well under 1-2 to move)\n");

  // The key totals of whole runs at each scale: [scale][total] mean and sd over seeds.
  std::vector<std::string> labels;
  std::vector<std::vector<double>> means, sds;
  for (const double k : scales) {
    ScenarioMemberModel model(s, fitted, ReportErrors{}, pool, InputLimits{}, nullptr, k);
    const std::vector<double> x = scenario_values(model, s);
    SmcResult members;
    for (std::size_t i = 0; i < seeds; ++i) {
      members.x.push_back(x);
      members.run_seed.push_back(2000 + i);
      members.weights.push_back(1.0 / static_cast<double>(seeds));
    }
    model.run_full(members.x, members.run_seed);
    const PosteriorRuns runs = posterior_runs_of(model, members.x, members.weights, s, 1);
    const std::vector<ForecastTotal> totals = key_totals(runs, s);
    std::vector<double> mean(totals.size()), sd(totals.size());
    for (std::size_t t = 0; t < totals.size(); ++t) {
      const auto first = static_cast<std::size_t>(totals[t].first - s.start_date),
                 last = static_cast<std::size_t>(totals[t].last - s.start_date);
      std::vector<double> v;
      for (std::size_t i = 0; i < seeds; ++i)
        v.push_back(model.series(i).sum(totals[t].kind, totals[t].index, totals[t].metric, first, last));
      const SampleMoments m = sample_moments(v);
      mean[t] = m.mean;
      sd[t] = m.sd;
    }
    if (labels.empty())
      for (const auto& t : totals) labels.push_back(t.label);
    means.push_back(mean);
    sds.push_back(sd);
  }
  fmt::print("\nkey totals of whole runs, mean over {} seeds at each scale against one agent a person (%), and in\n"
             "brackets the sd over seeds (% of the mean); totals under 1,000 people left out\n{:<56}",
             seeds, "total");
  for (const double k : scales) fmt::print(" {:>14}", fmt::format("k={:g}", k));
  fmt::print("\n");
  std::vector<std::vector<double>> bias(scales.size());
  for (std::size_t t = 0; t < labels.size(); ++t) {
    if (means[0][t] < 1000) continue;
    fmt::print("{:<56}", labels[t]);
    for (std::size_t j = 0; j < scales.size(); ++j) {
      const double b = 100 * (means[j][t] / means[0][t] - 1);
      bias[j].push_back(std::abs(b));
      fmt::print(" {:>14}", fmt::format("{:+.1f} ({:.1f})", b, 100 * sds[j][t] / std::max(means[j][t], 1.0)));
    }
    fmt::print("\n");
  }
  fmt::print("{:<56}", "median |bias| over these totals");
  for (auto& b : bias) {
    std::sort(b.begin(), b.end());
    fmt::print(" {:>14.1f}", b.empty() ? 0.0 : b[b.size() / 2]);
  }
  fmt::print("\n(a bias beside an interval's half-width shifts it; k=1's own bias is its seeds' noise: 0 by definition)\n");
  return 0;
}
