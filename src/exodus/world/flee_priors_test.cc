#include "exodus/world/flee_priors.h"

#include <gtest/gtest.h>

#include <cmath>

#include "exodus/app/flee_member_model.h"
#include "exodus/world/flee_settings_registry.h"
#include "tiny_flee_case.h"

namespace exodus {
namespace {

// Flee's code defaults, and settings at the edges a case may have: a move chance of 1, a
// weight switched off.
std::vector<FleeSettings> cases() {
  FleeSettings code;
  FleeSettings edges;
  edges.conflict_movechance = 1.0;
  edges.camp_weight = 0;
  edges.default_movechance = 0.001;
  edges.awareness_level = 4;
  return {code, edges};
}

TEST(FleePriors, EachIsAFleeSettingTheModelAcceptsCentredOnTheCase) {
  const testing::TinyFleeCase t;
  const WorkerPool pool(1);
  for (const FleeSettings& s : cases()) {
    const auto priors = default_flee_priors(s);
    ASSERT_GE(priors.size(), 8u);
    for (const auto& p : priors) {
      const FleeSetting* setting = find_flee_setting(p.address);
      ASSERT_NE(setting, nullptr) << p.address;
      EXPECT_FALSE(p.reasoning.empty()) << p.address;
      EXPECT_GT(truncated_mass(p), 0.5) << p.address;
      if (p.shape == PriorShape::kLogNormal && setting->get(s) > 0) {
        EXPECT_NEAR(p.center, std::clamp(setting->get(s), p.lower, p.upper), 0.02 * p.center) << p.address;
      }
      // No member may turn a town into a camp (Flee does so below a move chance of 0.005).
      if (p.address == "move_rules.default_movechance" || p.address == "move_rules.conflict_movechance") {
        EXPECT_GE(p.lower, 0.005) << p.address;
      }
    }
    EXPECT_NO_THROW(FleeMemberModel(t.read(), "tiny", priors, 5, pool, nullptr));
  }
}

TEST(FleePriors, AwarenessIsOneTwoOrThreeEquallyOften) {
  const testing::TinyFleeCase t;
  const WorkerPool pool(1);
  const auto priors = default_flee_priors(FleeSettings{});
  const FleeMemberModel model(t.read(), "tiny", priors, 5, pool, nullptr);
  std::size_t awareness = priors.size();
  for (std::size_t i = 0; i < priors.size(); ++i)
    if (priors[i].address == "move_rules.awareness_level") awareness = i;
  ASSERT_LT(awareness, priors.size());
  int counts[5] = {0, 0, 0, 0, 0};
  for (std::uint64_t k = 0; k < 3000; ++k) {
    CounterRng rng(k, RandomPurpose::kInference, 0, 0);
    std::vector<double> x(model.priors().size(), 0.0);
    for (std::size_t i = 0; i < priors.size(); ++i) x[i] = working_of(priors[i], priors[i].shape == PriorShape::kUniform ? priors[i].lower + 0.5 : priors[i].center);
    x[awareness] = draw_working(priors[awareness], rng);
    const double v = model.setting_value(awareness, x);
    ASSERT_EQ(v, std::round(v));
    ASSERT_GE(v, 1);
    ASSERT_LE(v, 3);
    ++counts[static_cast<int>(v)];
  }
  for (int a = 1; a <= 3; ++a) EXPECT_NEAR(counts[a], 1000, 100) << a;
}

}  // namespace
}  // namespace exodus
