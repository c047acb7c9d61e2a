#pragma once
// Loading a Flee case from disk or from the embedded default, remembering every input read.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "exodus/core/limits.h"
#include "exodus/core/recording_source.h"
#include "exodus/io/flee/flee_inputs.h"
#include "exodus/world/flee_world.h"

namespace exodus {

struct FleeCaseSpec {
  std::optional<std::filesystem::path> input_dir;       // none: the embedded default case
  std::optional<std::filesystem::path> validation_dir;  // none: no validation data
  std::optional<std::filesystem::path> settings_file;   // none: <input_dir>/simsetting.yml if
                                                        // present, else Flee's code defaults
  std::int32_t max_days = 0;                            // > 0: stop after this many days
  InputLimits limits;                                   // what the inputs may ask for
};

struct LoadedFleeCase {
  FleeWorld world;
  FleeInputs read;                  // the files as read, from which the world was built
  std::vector<InputRecord> inputs;  // every file read, with its SHA-256
  std::string settings_origin;      // where the settings came from
};

// Throws InputErrors (every problem, with file, line and field) or InputError, also when the
// case would create more agents than spec.limits allows.
LoadedFleeCase load_flee_case(const FleeCaseSpec& spec);

// Refuses a world whose route search would not fit the limits (spec.limits' max_route_steps),
// naming the routes file: for a calibration, the case at the highest awareness it may try.
void check_flee_routes(const FleeWorld& world, const FleeInputs& inputs, const InputLimits& limits);

}  // namespace exodus
