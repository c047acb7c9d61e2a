#include "exodus/world/flee_settings_registry.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <set>

#include "exodus/core/error.h"
#include "exodus/core/text_source.h"
#include "exodus/io/flee/flee_readers.h"

namespace exodus {
namespace {

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
