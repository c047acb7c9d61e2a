#include "exodus/io/flee/flee_readers.h"

namespace exodus {

FleeInputs read_flee_case(const FileSource& input, const FileSource* validation,
                          const TextFile* settings, const InputLimits& limits) {
  ErrorList errors;
  FleeInputs in = read_flee_case(input, validation, settings, limits, errors);
  errors.throw_if_any();
  return in;
}

FleeInputs read_flee_case(const FileSource& input, const FileSource* validation, const TextFile* settings,
                          const InputLimits& limits, ErrorList& errors) {
  FleeInputs in;
  if (settings) in.settings = read_flee_settings(*settings, errors);

  // Each file is read even when an earlier one failed, so one run reports every problem.
  const auto read = [&](const char* name, std::string& display, auto&& reader) {
    display = input.display_name(name);
    try {
      reader(input.require(name));
    } catch (const InputError& e) {
      errors.add(e);
    }
  };
  read("locations.csv", in.locations_file,
       [&](const TextFile& f) { in.locations = read_flee_locations(f, errors); });
  read("routes.csv", in.routes_file,
       [&](const TextFile& f) { in.routes = read_flee_routes(f, errors); });
  read("conflicts.csv", in.conflicts_file,
       [&](const TextFile& f) { in.conflicts = read_flee_conflicts(f, errors); });
  read("sim_period.csv", in.period_file,
       [&](const TextFile& f) { in.period = read_flee_sim_period(f, errors, limits.max_days); });
  // closures.csv and registration_corrections.csv are optional.
  in.closures_file = input.display_name("closures.csv");
  in.corrections_file = input.display_name("registration_corrections.csv");
  try {
    if (auto f = input.read("closures.csv")) in.closures = read_flee_closures(*f, errors);
  } catch (const InputError& e) { errors.add(e); }
  try {
    if (auto f = input.read("registration_corrections.csv"))
      in.corrections = read_flee_corrections(*f, errors);
  } catch (const InputError& e) { errors.add(e); }

  // Read even when sim_period.csv failed, so its errors do not hide the validation data's:
  // the series' errors do not depend on the start date (only their day offsets do).
  if (validation) {
    try {
      in.validation = read_flee_validation(*validation, in.period.start, in.settings.hasten, errors);
    } catch (const InputError& e) { errors.add(e); }
  }
  return in;
}

}  // namespace exodus
