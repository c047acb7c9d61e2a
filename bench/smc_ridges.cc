// The calibration sampler (infer/smc_sampler) on a posterior shaped like the 2022 scenario's, at
// no cost per simulation (tests/ridges_model.h): do its intervals hold where figures trade
// parameters for one another? Truths are drawn from the prior, their figures rendered, the
// sampler run, and the truth's place recorded as in bench/calibrate-sbc.
//
//   build/exodus_smc_ridges [REPLICATES] [--members N] [--budget-per-member N] [--no-spend-budget]
//                           [--ridge-sd SD]
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "exodus/core/random.h"
#include "exodus/infer/sbc.h"
#include "exodus/infer/smc_sampler.h"
#include "ridges_model.h"
#include "sbc_table.h"

int main(int argc, char** argv) {
  using namespace exodus;
  using testing::RidgesModel;
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
  app.add_flag("--spend-budget,!--no-spend-budget", o.spend_budget_at_posterior,
               "move on at the posterior until the budget is spent")
      ->capture_default_str();
  app.add_option("--ridge-sd", ridge_sd, "the ridge figures' error")->capture_default_str()->check(CLI::Range(1e-3, 10.0));
  app.add_option("--seed", seed)->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  o.budget = o.members * budget_per_member;

  // One quantity per kind of coordinate, and the forecasts; coverage is over all their trials.
  SbcQuantity quantities[4];
  const char* labels[] = {"ridge coordinates (8)", "informed coordinates (8)", "unspoken coordinates (12)",
                          "forecasts 5 e^b + 0.1 e^a (4)"};
  for (std::size_t q = 0; q < 4; ++q) quantities[q].label = labels[q];
  double simulations = 0, reached = 0;
  for (std::size_t rep = 0; rep < replicates; ++rep) {
    RidgesModel model(seed, static_cast<std::uint32_t>(rep), ridge_sd);
    o.seed = seed * 1000003u + rep;
    const SmcResult r = run_smc(model, o);
    simulations += static_cast<double>(r.simulations);
    reached += r.reached_posterior;
    CounterRng rank_rng(seed, RandomPurpose::kInference, static_cast<std::uint32_t>(rep), 1);
    testing::score_ridges(model, r, quantities, rank_rng);
  }
  fmt::print("{} replicates, {} members, budget {} ({} per member{}): {:.0f} simulations each on average, {:.0f}% "
             "reached the posterior\n\n",
             replicates, o.members, o.budget, budget_per_member, o.spend_budget_at_posterior ? ", spent at the posterior" : "",
             simulations / static_cast<double>(replicates), 100 * reached / static_cast<double>(replicates));
  SbcResult table;
  table.quantities.assign(std::begin(quantities), std::end(quantities));
  exodus::bench::print_sbc_table(table);
  return 0;
}
