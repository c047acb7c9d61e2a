#include "exodus/world/flee_settings_registry.h"

#include <algorithm>
#include <cmath>

#include "exodus/core/member_value.h"

namespace exodus {

namespace {

using S = FleeSettings;
constexpr double kInfinity = std::numeric_limits<double>::infinity();

const FleeSetting kSettings[] = {
    {"spawn_rules", "displaced_per_conflict_day", &S::displaced_per_conflict_day, FleeBound::kNonNegative,
     "people displaced a day per unit of conflict intensity (conflict-driven spawning)"},
    {"move_rules", "max_move_speed", &S::max_move_speed, FleeBound::kPositive, "km a day by vehicle"},
    {"move_rules", "max_walk_speed", &S::max_walk_speed, FleeBound::kPositive, "km a day on foot"},
    {"move_rules", "foreign_weight", &S::foreign_weight, FleeBound::kNonNegative,
     "weight of locations in another country"},
    {"move_rules", "camp_weight", &S::camp_weight, FleeBound::kNonNegative, "weight of camps"},
    {"move_rules", "conflict_weight", &S::conflict_weight, FleeBound::kNonNegative,
     "weight of locations in conflict"},
    {"move_rules", "conflict_movechance", &S::conflict_movechance, FleeBound::kProbability,
     "daily chance of leaving a conflict zone"},
    {"move_rules", "camp_movechance", &S::camp_movechance, FleeBound::kProbability,
     "daily chance of leaving a camp"},
    {"move_rules", "idpcamp_movechance", &S::idpcamp_movechance, FleeBound::kProbability,
     "daily chance of leaving a camp for internally displaced people"},
    {"move_rules", "default_movechance", &S::default_movechance, FleeBound::kProbability,
     "daily chance of leaving any other location"},
    {"move_rules", "awareness_level", &S::awareness_level, FleeBound::kAwareness,
     "how many links ahead agents weigh their destinations"},
    {"move_rules", "capacity_buffer", &S::capacity_buffer, FleeBound::kProbability,
     "share of a camp's capacity at which it starts to repel"},
    {"move_rules", "capacity_scaling", &S::capacity_scaling, FleeBound::kNonNegative, "scales camp capacities"},
    {"move_rules", "softening", &S::softening, FleeBound::kNonNegative, "km added to every route's length"},
    {"move_rules", "weight_softening", &S::weight_softening, FleeBound::kNonNegative,
     "added to every location's weight"},
    {"move_rules", "weight_power", &S::weight_power, FleeBound::kNonNegative, "power of location weights"},
    {"move_rules", "distance_power", &S::distance_power, FleeBound::kNonNegative, "power of route lengths"},
    {"move_rules", "pruning_threshold", &S::pruning_threshold, FleeBound::kNonNegative,
     "routes weighing less than this share of the best are dropped"},
    {"move_rules", "pop_power_for_loc_weight", &S::pop_power_for_loc_weight, FleeBound::kAny,
     "power of population in a location's weight"},
    {"move_rules", "movechance_pop_base", &S::movechance_pop_base, FleeBound::kPositive,
     "population at which the move chance is unscaled"},
    {"move_rules", "movechance_pop_scale_factor", &S::movechance_pop_scale_factor, FleeBound::kAny,
     "how the move chance scales with population"},
};

}  // namespace

double FleeSetting::lower() const {
  switch (bound) {
    case FleeBound::kAny: return -kInfinity;
    case FleeBound::kAwareness: return 1;
    default: return 0;
  }
}

double FleeSetting::upper() const {
  switch (bound) {
    case FleeBound::kProbability: return 1;
    case FleeBound::kAwareness: return 4;
    default: return kInfinity;
  }
}

double FleeSetting::value_from(double v) const {
  const double inside = std::clamp(v, lower(), upper());
  return integer() ? std::clamp(std::ceil(inside - 0.5), lower(), upper()) : inside;
}

bool FleeSetting::allows(double value) const {
  if (std::isnan(value)) return false;
  if (bound == FleeBound::kPositive) return value > 0;
  return value >= lower() && value <= upper();
}

double FleeSetting::get(const FleeSettings& s) const { return read_member(s, member); }

void FleeSetting::set(FleeSettings& s, double value) const { write_member(s, member, value); }

std::span<const FleeSetting> flee_settings_registry() { return kSettings; }

const FleeSetting* find_flee_setting(std::string_view name) {
  for (const auto& s : kSettings)
    if (name == s.name()) return &s;
  return nullptr;
}

}  // namespace exodus
