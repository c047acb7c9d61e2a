#include "exodus/output/calibration_summary.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "exodus/core/csv.h"
#include "exodus/output/forecast_summary.h"
#include "exodus/output/interval_json.h"

namespace exodus {

using nlohmann::json;

std::string posterior_csv(const std::vector<ParameterPrior>& priors, const SmcResult& smc, const CoordinateValue& value) {
  std::string out = "member,weight,log_likelihood,run_seed";
  for (const auto& p : priors) out += "," + csv_field(p.address);
  out += "\n";
  for (std::size_t m = 0; m < smc.x.size(); ++m) {
    out += fmt::format("{},{:.6g},{:.10g},{}", m, smc.weights[m], smc.log_likelihood[m], smc.run_seed[m]);
    for (std::size_t d = 0; d < priors.size(); ++d) out += fmt::format(",{:.8g}", value(m, d));
    out += "\n";
  }
  return out;
}

json parameters_json(const std::vector<ParameterPrior>& priors, const std::vector<ParameterSummary>& parameters,
                     std::size_t simulated) {
  json out = json::array();
  for (const auto& p : parameters) {
    const auto& prior = priors[p.prior];
    out.push_back({{"parameter", prior.address},
                   {"prior", {{"shape", to_string(prior.shape)}, {"center", prior.center}, {"spread", prior.spread},
                              {"lower", prior.lower}, {"upper", prior.upper}, {"interval", interval_json(p.prior_interval)}}},
                   {"posterior", interval_json(p.posterior_interval)},
                   {"shift", p.shift},
                   {"width_ratio", p.width_ratio},
                   {"needs_simulation", p.prior < simulated},
                   {"reasoning", prior.reasoning}});
  }
  return out;
}

json stages_json(const SmcResult& smc) {
  json stages = json::array();
  for (const auto& s : smc.stages)
    stages.push_back({{"stage", s.stage}, {"temperature", s.temperature}, {"ess", s.ess}, {"moves", s.moves},
                      {"acceptance", s.acceptance}, {"independent_acceptance", s.independent_acceptance},
                      {"simulations", s.simulations}, {"seconds", s.seconds}});
  return stages;
}

json sampler_json(const SmcResult& smc) {
  return {{"members", smc.x.size()},
          {"simulations", smc.simulations},
          {"reached_posterior", smc.reached_posterior},
          {"effective_sample_size", smc.ess},
          {"final_stage_ess", smc.stages.empty() ? json(nullptr) : json(smc.stages.back().ess)},
          {"log_evidence", smc.log_evidence},
          {"seconds", smc.seconds},
          {"simulations_per_second", smc.seconds > 0 ? static_cast<double>(smc.simulations) / smc.seconds : 0.0}};
}

std::string moved_parameters_table(const std::vector<ParameterPrior>& priors, const std::vector<ParameterSummary>& parameters,
                                   std::size_t rows) {
  // The parameters in order of how far the data moved them: shift plus narrowing.
  std::vector<std::size_t> order(parameters.size());
  std::iota(order.begin(), order.end(), 0);
  const auto moved = [&](std::size_t i) { return std::abs(parameters[i].shift) + std::max(0.0, 1 - parameters[i].width_ratio); };
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return moved(a) > moved(b); });
  std::string out = fmt::format("\n  {:<52} {:>23} {:>23}\n", "parameters that moved most", "prior 90%", "posterior 90% (median)");
  for (std::size_t k = 0; k < order.size() && k < rows; ++k) {
    const auto& p = parameters[order[k]];
    const auto& a = p.prior_interval;
    const auto& b = p.posterior_interval;
    out += fmt::format("  {:<52} {:>23} {:>23}\n", priors[p.prior].address, table_number(a.lo90) + " to " + table_number(a.hi90),
                       table_number(b.lo90) + " to " + table_number(b.hi90) + " (" + table_number(b.median) + ")");
  }
  return out;
}

std::string sampler_line(const SmcResult& smc) {
  return fmt::format("  {} members, {} simulations, {:.1f} s; {}\n", smc.x.size(), smc.simulations, smc.seconds,
                     smc.reached_posterior ? "reached the posterior"
                                           : fmt::format("the budget ran out before the posterior: importance weights carry "
                                                         "the rest (effective sample size {:.1f})", smc.ess));
}

}  // namespace exodus
