#include "exodus/world/flee_settings_registry.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <set>

#include "exodus/core/error.h"
#include "exodus/core/text_source.h"
#include "exodus/io/flee/flee_readers.h"

namespace exodus {
namespace {

// A whole-number setting's prior reaches half a unit past the values it means: [0.5, 3.5] for
// awareness 1, 2 or 3. Halves round down, so its upper end is 3, never 4 (whose route search a
// case's limits may refuse), and each value keeps an equal share.
TEST(FleeSettingsRegistry, AWholeNumberSettingRoundsHalvesDown) {
  const FleeSetting* awareness = find_flee_setting("move_rules.awareness_level");
  ASSERT_NE(awareness, nullptr);
  EXPECT_EQ(awareness->value_from(3.5), 3);
  EXPECT_EQ(awareness->value_from(3.5000001), 4);
  EXPECT_EQ(awareness->value_from(2.5), 2);
  EXPECT_EQ(awareness->value_from(2.51), 3);
  EXPECT_EQ(awareness->value_from(0.5), 1);  // clamped to the setting's range
  EXPECT_EQ(awareness->value_from(-7), 1);
  EXPECT_EQ(awareness->value_from(99), 4);
  const FleeSetting* chance = find_flee_setting("move_rules.camp_movechance");
  ASSERT_NE(chance, nullptr);
  EXPECT_EQ(chance->value_from(0.25), 0.25);  // a real-valued setting is only clamped
  EXPECT_EQ(chance->value_from(1.5), 1);
}

TEST(FleeSettingsRegistry, NamesAreUniqueAndFleesDefaultsAreAllowed) {
  const FleeSettings defaults;
  std::set<std::string> names;
  for (const auto& s : flee_settings_registry()) {
    EXPECT_TRUE(names.insert(s.name()).second) << s.name();
    EXPECT_TRUE(s.allows(s.get(defaults))) << s.name();
    EXPECT_EQ(find_flee_setting(s.name()), &s);
  }
  EXPECT_EQ(find_flee_setting("move_rules.no_such"), nullptr);
  const auto* camp = find_flee_setting("move_rules.camp_movechance");
  ASSERT_NE(camp, nullptr);
  EXPECT_FALSE(camp->allows(1.5));
  EXPECT_FALSE(find_flee_setting("move_rules.max_move_speed")->allows(0));
  EXPECT_TRUE(find_flee_setting("move_rules.awareness_level")->integer());
}

// The reader sets every registered move rule, and refuses values outside its bounds.
TEST(FleeSettingsRegistry, TheReaderSetsAndChecksEveryRegisteredMoveRule) {
  for (const auto& s : flee_settings_registry()) {
    if (std::string(s.section) != "move_rules") continue;
    const double value = s.integer() ? 3 : (s.bound == FleeBound::kProbability ? 0.25 : 2.5);
    ErrorList errors;
    const auto read = read_flee_settings(
        TextFile{"simsetting.yml", std::string("move_rules:\n  ") + s.key + ": " + fmt::format("{:g}", value) + "\n"}, errors);
    EXPECT_TRUE(errors.empty()) << s.name();
    EXPECT_EQ(s.get(read), value) << s.name();
    if (s.bound == FleeBound::kAny) continue;
    ErrorList bad;
    read_flee_settings(TextFile{"simsetting.yml", std::string("move_rules:\n  ") + s.key + ": -7\n"}, bad);
    EXPECT_FALSE(bad.empty()) << s.name() << " accepted -7";
  }
}

}  // namespace
}  // namespace exodus
