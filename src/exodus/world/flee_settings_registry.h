#pragma once
// The Flee rule set's settings that a user or a calibration may vary, each once: its name as
// simsetting.yml writes it (section.key), the member it sets, its bounds and meaning. The
// settings reader checks values by it, the manifest writes it, and a calibration names what
// it varies by it (e.g. move_rules.camp_movechance).
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "exodus/world/flee_settings.h"

namespace exodus {

// How a setting's value is bounded; the reader's error says which rule was broken.
enum class FleeBound { kAny, kPositive, kNonNegative, kProbability, kAwareness };

struct FleeSetting {
  const char* section;  // spawn_rules or move_rules
  const char* key;
  std::variant<double FleeSettings::*, int FleeSettings::*> member;
  FleeBound bound;
  const char* meaning;

  std::string name() const { return std::string(section) + "." + key; }
  bool integer() const { return std::holds_alternative<int FleeSettings::*>(member); }
  double lower() const;
  double upper() const;
  bool allows(double value) const;  // within the bounds (open at zero for kPositive)
  // The value a prior's value `v` stands for: clamped to the bounds and, for a whole-number
  // setting, rounded with halves down, so that a prior reaching half a unit past the values it
  // means ([0.5, 3.5] for 1, 2 or 3) gives each the same share and never the next one (4).
  double value_from(double v) const;
  double get(const FleeSettings& s) const;
  void set(FleeSettings& s, double value) const;
};

std::span<const FleeSetting> flee_settings_registry();
// By "section.key"; nullptr when the setting is not one of these.
const FleeSetting* find_flee_setting(std::string_view name);

}  // namespace exodus
