#include "exodus/world/flee_priors.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace exodus {

namespace {

// Flee makes any place whose move chance is below this a camp: a town's or conflict zone's
// chance stays at or above it, so that every member has the case's camps.
constexpr double kLeastPlaceMoveChance = 0.005;

ParameterPrior share(const char* address, double case_value, double sd, const char* why) {
  // A beta's mean must lie inside (0, 1): a case value of 1 (Flee's conflict default) is
  // centred just inside it.
  const double mean = std::clamp(case_value, 0.05, 0.9);
  return {.address = address, .shape = PriorShape::kBeta, .center = mean, .spread = sd, .lower = kLeastPlaceMoveChance,
          .upper = 1,
          .reasoning = fmt::format("{}; mean {:.3g} near the case's {:.3g}, sd {} (an assumption)", why, mean, case_value, sd)};
}

ParameterPrior factor(const char* address, double case_value, double fallback, double spread, double lower, double upper,
                      const char* why) {
  // A log-normal needs a positive median: a case value of 0 (switched off) is replaced by a
  // small one, so the calibration may still find the rule matters.
  const double median = std::clamp(case_value > 0 ? case_value : fallback, lower * 1.01, upper / 1.01);
  return {.address = address, .shape = PriorShape::kLogNormal, .center = median, .spread = spread, .lower = lower,
          .upper = upper,
          .reasoning = fmt::format("{}; median the case's {:.3g}, within a factor {:.2g} either way for 90% (an assumption)",
                                   why, case_value, std::exp(1.645 * spread))};
}

}  // namespace

std::vector<ParameterPrior> default_flee_priors(const FleeSettings& s) {
  return {
      share("move_rules.conflict_movechance", s.conflict_movechance, 0.15,
            "daily chance of leaving a conflict zone: how fast people flee once fighting starts"),
      share("move_rules.default_movechance", s.default_movechance, 0.15,
            "daily chance of leaving a town: how long people stop on the way"),
      factor("move_rules.camp_movechance", s.camp_movechance, 0.001, 1.0, 1e-5, 0.5,
             "daily chance of leaving a camp: how well camps hold people"),
      factor("move_rules.camp_weight", s.camp_weight, 1.0, 0.7, 0.02, 50, "attraction of camps against towns"),
      factor("move_rules.conflict_weight", s.conflict_weight, 0.25, 0.7, 0.005, 20,
             "attraction of places in conflict against towns"),
      factor("move_rules.foreign_weight", s.foreign_weight, 1.0, 0.7, 0.02, 50,
             "attraction of places across a border against those at home"),
      factor("move_rules.max_move_speed", s.max_move_speed, 200, 0.5, 5, 5000, "km a day an agent covers"),
      {.address = "move_rules.awareness_level", .shape = PriorShape::kUniform, .center = 0, .spread = 0, .lower = 0.5,
       .upper = 3.5,
       .reasoning = fmt::format("links ahead agents weigh destinations: 1, 2 or 3 equally likely (the case's is {}; 4 "
                                "costs far more route search for little change)",
                                s.awareness_level)},
  };
}

}  // namespace exodus
