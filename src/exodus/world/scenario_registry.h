#pragma once
// The one list of what an exodus scenario lets a user (or a calibration) set: the behaviour
// parameters of scenario.yaml and the numeric columns of its tables, each with its bounds and
// meaning. The scenario reader reads through it, the manifest writes it, the format docs are
// checked against it, and a calibration names what it varies by it:
//   base_hazard                                  a behaviour parameter
//   checkpoints.vehicles_per_day[Verkhny Lars]   one row's value (rows by name; flights as
//                                                "Region -> Destination"; events as
//                                                "kind target date", e.g.
//   events.value[exit_refusal ALL 2022-09-24]    "exit_refusal ALL 2022-09-24")
//   flights.seats_per_day[*]                     a scale of a whole column: setting it to x
//                                                makes every row x times its value as read
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "exodus/world/scenario.h"

namespace exodus {

// A behaviour parameter of scenario.yaml.
struct ScenarioParameter {
  const char* name;
  std::variant<double ScenarioParameters::*, std::int32_t ScenarioParameters::*> member;
  double lower, upper;
  const char* meaning;

  bool integer() const { return std::holds_alternative<std::int32_t ScenarioParameters::*>(member); }
  double get(const ScenarioParameters& p) const;
  void set(ScenarioParameters& p, double value) const;  // value within [lower, upper]
};

// A numeric column of one of the scenario's tables.
template <typename Row>
struct ScenarioColumn {
  const char* name;
  double Row::*member;
  double lower, upper;
  std::optional<double> fallback;  // the value of an empty cell or absent column; none: required
  const char* meaning;
};

std::span<const ScenarioParameter> scenario_parameters();
const ScenarioParameter* find_scenario_parameter(std::string_view name);

std::span<const ScenarioColumn<LeaverKind>> leaver_columns();
std::span<const ScenarioColumn<Region>> region_columns();
std::span<const ScenarioColumn<Destination>> destination_columns();
std::span<const ScenarioColumn<Checkpoint>> checkpoint_columns();
std::span<const ScenarioColumn<Flight>> flight_columns();
std::span<const ScenarioColumn<Event>> event_columns();

// The key by which an address names a row.
std::string flight_key(const Scenario& s, const Flight& f);  // "Region -> Destination"
std::string event_key(const Event& e);                      // "kind target date"
const char* to_string(EventKind kind);                      // as events.csv spells it

// A value of a scenario, found by its address (above).
class ScenarioValue {
 public:
  // Throws std::invalid_argument saying what is wrong: an unknown parameter, table, column or
  // row, or a row key that two rows share. A scale ([*]) keeps the column's values in `s` as
  // the ones it scales, and its range is the factors that keep every row within the column's.
  ScenarioValue(const Scenario& s, std::string_view address);

  bool is_scale() const { return scale_; }

  const std::string& address() const { return address_; }
  double lower() const { return lower_; }
  double upper() const { return upper_; }
  // A scale: the factor of the first non-zero row against its value as read.
  double get(const Scenario& s) const;
  // Throws std::invalid_argument when value is outside [lower, upper].
  void set(Scenario& s, double value) const;

 private:
  std::string address_;
  const ScenarioParameter* parameter_ = nullptr;
  std::string table_;
  std::size_t column_ = 0, row_ = 0;
  double lower_ = 0, upper_ = 0;
  bool scale_ = false;
  std::vector<double> base_;  // a scale: the column as read
};

}  // namespace exodus
