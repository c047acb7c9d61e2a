#pragma once
// What every calibration (a scenario's, a Flee case's) writes of its sampler and parameters:
// posterior.csv (the population, one member a row), summary.json's parameters, stages and
// sampler figures, and the terminal's table of the parameters that moved most.
#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "exodus/infer/parameter_summary.h"
#include "exodus/infer/smc_sampler.h"
#include "exodus/world/parameter_prior.h"

namespace exodus {

// The value coordinate d of member m stands for (as its runs used it).
using CoordinateValue = std::function<double(std::size_t m, std::size_t d)>;

std::string posterior_csv(const std::vector<ParameterPrior>& priors, const SmcResult& smc, const CoordinateValue& value);
// `simulated`: coordinates below it need a simulation (the rest are discrepancies).
nlohmann::json parameters_json(const std::vector<ParameterPrior>& priors, const std::vector<ParameterSummary>& parameters,
                               std::size_t simulated);
nlohmann::json stages_json(const SmcResult& smc);
// The sampler's figures: members, simulations, whether it reached the posterior, ESS, evidence, time.
nlohmann::json sampler_json(const SmcResult& smc);
std::string moved_parameters_table(const std::vector<ParameterPrior>& priors, const std::vector<ParameterSummary>& parameters,
                                   std::size_t rows = 8);
// One line: members, simulations, time, and whether the sampler reached the posterior.
std::string sampler_line(const SmcResult& smc);

}  // namespace exodus
