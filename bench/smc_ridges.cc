// The calibration sampler (infer/smc_sampler) on a posterior shaped like the 2022 scenario's, at
// no cost per simulation: do its intervals hold where figures trade parameters for one another?
//
// 24 coordinates, each N(0, 1) a priori, as a scenario's working scale. Three kinds:
// - 4 curved ridges: a figure y = log(e^a + e^b) + N(0, ridge sd) of a pair (a, b), as a count
//   fed by two causes the figures cannot tell apart (two kinds' hazards, two routes' shares);
// - 8 informed: y = θ + N(0, 0.5), a parameter a figure speaks of directly;
// - 12 unspoken: no figure, the posterior is the prior.
// And per ridge a forecast 5 e^b + 0.1 e^a, a total that leans on one side of the ridge, as a
// destination's leavers after the fitted days lean on one kind. Truths are drawn from the prior,
// their figures rendered, the sampler run, and the truth's place recorded as in bench/calibrate-sbc.
//
//   build/exodus_smc_ridges [REPLICATES] [--members N] [--budget N] [--spend-budget] [--ridge-sd SD]
#include <cmath>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "exodus/core/random.h"
#include "exodus/infer/interval.h"
#include "exodus/infer/sbc.h"
#include "exodus/infer/smc_sampler.h"
#include "sbc_table.h"

namespace {

using namespace exodus;

constexpr std::size_t kRidges = 4, kInformed = 8, kUnspoken = 12;
constexpr std::size_t kCoordinates = 2 * kRidges + kInformed + kUnspoken;
constexpr double kInformedSd = 0.5;

double ridge_of(double a, double b) { return std::log(std::exp(a) + std::exp(b)); }
double forecast_of(double a, double b) { return 5 * std::exp(b) + 0.1 * std::exp(a); }

// The likelihood is exact and free: a "simulation" only keeps the member's coordinates.
class RidgesModel : public SmcModel {
 public:
  RidgesModel(std::vector<double> figures, double ridge_sd) : figures_(std::move(figures)), ridge_sd_(ridge_sd) {
    for (std::size_t d = 0; d < kCoordinates; ++d)
      priors_.push_back({0, fmt::format("x{}", d), PriorShape::kNormal, 0, 1, -10, 10, "bench"});
  }
  std::span<const ParameterPrior> priors() const override { return priors_; }
  std::size_t simulated_coordinates() const override { return kCoordinates; }
  void simulate(std::span<const SmcSimulation> jobs) override {
    for (const auto& j : jobs) slot(j.slot).assign(j.x.begin(), j.x.end());
  }
  double log_likelihood(std::size_t s, std::span<const double>) const override {
    const auto& x = slots_[s];
    double ll = 0;
    for (std::size_t r = 0; r < kRidges; ++r) {
      const double z = (figures_[r] - ridge_of(x[2 * r], x[2 * r + 1])) / ridge_sd_;
      ll -= 0.5 * z * z;
    }
    for (std::size_t i = 0; i < kInformed; ++i) {
      const double z = (figures_[kRidges + i] - x[2 * kRidges + i]) / kInformedSd;
      ll -= 0.5 * z * z;
    }
    return ll;
  }
  void copy_slot(std::size_t from, std::size_t to) override {
    std::vector<double> copy = slots_[from];
    slot(to) = std::move(copy);
  }
  void swap_slots(std::size_t a, std::size_t b) override { std::swap(slot(a), slot(b)); }

 private:
  std::vector<double>& slot(std::size_t i) {
    if (slots_.size() <= i) slots_.resize(i + 1);
    return slots_[i];
  }
  std::vector<ParameterPrior> priors_;
  std::vector<std::vector<double>> slots_;
  std::vector<double> figures_;
  double ridge_sd_;
};

struct Scored {
  SbcQuantity* quantity;
  double truth;
  std::vector<std::pair<double, double>> draws;
};

void score(Scored s, CounterRng& rng) {
  const Interval i = interval_of(s.draws);
  s.quantity->covered90 += s.truth >= i.lo90 && s.truth <= i.hi90;
  s.quantity->covered50 += s.truth >= i.lo50 && s.truth <= i.hi50;
  ++s.quantity->trials;
  s.quantity->ranks.push_back(sbc_rank(s.truth, s.draws, rng));
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("the calibration sampler on curved ridges, informed and unspoken coordinates");
  std::size_t replicates = 200;
  SmcOptions o;
  o.members = 32;
  std::size_t budget_per_member = kDefaultSimulationsPerMember;
  double ridge_sd = 0.1;
  std::uint64_t seed = 1;
  app.add_option("REPLICATES", replicates)->capture_default_str();
  app.add_option("--members", o.members)->capture_default_str();
  app.add_option("--budget-per-member", budget_per_member)->capture_default_str();
  app.add_flag("--spend-budget", o.spend_budget_at_posterior, "move on at the posterior until the budget is spent");
  app.add_option("--max-moves", o.max_moves, "simulated moves per stage at most")->capture_default_str();
  app.add_option("--ridge-sd", ridge_sd, "the ridge figures' error")->capture_default_str()->check(CLI::Range(1e-3, 10.0));
  app.add_option("--seed", seed)->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  o.budget = o.members * budget_per_member;

  // One quantity per kind and role: ridge coordinates pooled, and so on; coverage is per trial.
  SbcResult table;
  for (const char* label : {"ridge coordinates (8)", "informed coordinates (8)", "unspoken coordinates (12)",
                            "forecasts 5 e^b + 0.1 e^a (4)"}) {
    table.quantities.emplace_back();
    table.quantities.back().label = label;
  }
  auto& ridge = table.quantities[0];
  auto& informed = table.quantities[1];
  auto& unspoken = table.quantities[2];
  auto& forecast = table.quantities[3];
  double simulations = 0, reached = 0;
  for (std::size_t rep = 0; rep < replicates; ++rep) {
    CounterRng truth_rng(seed, RandomPurpose::kSynthetic, static_cast<std::uint32_t>(rep), 0);
    std::vector<double> truth(kCoordinates), figures;
    for (double& t : truth) t = standard_normal(truth_rng);
    for (std::size_t r = 0; r < kRidges; ++r)
      figures.push_back(ridge_of(truth[2 * r], truth[2 * r + 1]) + ridge_sd * standard_normal(truth_rng));
    for (std::size_t i = 0; i < kInformed; ++i)
      figures.push_back(truth[2 * kRidges + i] + kInformedSd * standard_normal(truth_rng));
    RidgesModel model(std::move(figures), ridge_sd);
    o.seed = seed * 1000003u + rep;
    const SmcResult r = run_smc(model, o);
    simulations += static_cast<double>(r.simulations);
    reached += r.reached_posterior;
    CounterRng rank_rng(seed, RandomPurpose::kInference, static_cast<std::uint32_t>(rep), 1);
    const auto draws_of = [&](auto value) {
      std::vector<std::pair<double, double>> d;
      for (std::size_t m = 0; m < r.x.size(); ++m) d.emplace_back(value(r.x[m]), r.weights[m]);
      return d;
    };
    for (std::size_t d = 0; d < kCoordinates; ++d) {
      SbcQuantity* q = d < 2 * kRidges ? &ridge : d < 2 * kRidges + kInformed ? &informed : &unspoken;
      score({q, truth[d], draws_of([d](const std::vector<double>& x) { return x[d]; })}, rank_rng);
    }
    for (std::size_t k = 0; k < kRidges; ++k)
      score({&forecast, forecast_of(truth[2 * k], truth[2 * k + 1]),
             draws_of([k](const std::vector<double>& x) { return forecast_of(x[2 * k], x[2 * k + 1]); })},
            rank_rng);
  }
  fmt::print("{} replicates, {} members, budget {} ({} per member{}): {:.0f} simulations each on average, {:.0f}% "
             "reached the posterior\n\n",
             replicates, o.members, o.budget, budget_per_member, o.spend_budget_at_posterior ? ", spent at the posterior" : "",
             simulations / static_cast<double>(replicates), 100 * reached / static_cast<double>(replicates));
  exodus::bench::print_sbc_table(table);
  return 0;
}
