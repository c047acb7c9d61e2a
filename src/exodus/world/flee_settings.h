#pragma once
// The Flee rule set's parameters, as simsetting.yml names them (defaults are Flee's code
// defaults). A plain value: read once, never changed during a run.
#include <string>
#include <vector>

namespace exodus {

enum class FleeSpawnMode {
  kFromData,       // mirror the validation data (Flee's default "sum_from_camps" mode)
  kConstant,       // conflict_driven_spawning: int(displaced_per_conflict_day * intensity)
  kPopRatio,       // int(displaced_per_conflict_day * pop * intensity)
  kPoisson,        // Poisson(displaced_per_conflict_day * intensity)
};

struct FleeSettings {
  // spawn_rules
  bool take_from_population = false;
  bool insert_day0 = true;
  bool sum_from_camps = true;
  FleeSpawnMode spawn_mode = FleeSpawnMode::kFromData;
  double displaced_per_conflict_day = 500;
  std::vector<double> conflict_spawn_decay;  // empty: no decay
  int conflict_spawn_decay_interval = 30;

  // move_rules
  double max_move_speed = 360.0;
  double max_walk_speed = 35.0;
  double foreign_weight = 1.0;
  double camp_weight = 1.0;
  double conflict_weight = 0.31622776601683794;  // 1/sqrt(10), Flee's code default
  double conflict_movechance = 1.0;
  double camp_movechance = 0.001;
  double idpcamp_movechance = 0.1;
  double default_movechance = 0.3;
  int awareness_level = 1;
  double capacity_buffer = 0.9;
  double capacity_scaling = 1.0;
  double softening = 10.0;
  double weight_softening = 0.0;
  double weight_power = 1.0;
  double distance_power = 1.0;
  double pruning_threshold = 1.0;
  bool use_pop_for_loc_weight = false;
  double pop_power_for_loc_weight = 0.1;
  double movechance_pop_base = 10000.0;
  double movechance_pop_scale_factor = 0.0;

  // optimisations
  int hasten = 1;

  // Where the values came from, for the run manifest.
  std::string source = "defaults";
};

}  // namespace exodus
