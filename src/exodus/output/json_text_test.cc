#include "exodus/output/json_text.h"

#include <gtest/gtest.h>

namespace exodus {
namespace {

TEST(JsonText, FloatNoiseNeverReachesTheFile) {
  const nlohmann::json v = {{"sum", 124607.00000000001}, {"share", 0.1 + 0.2}, {"n", 3}, {"list", {1.0 / 3.0, 2.5}}};
  EXPECT_EQ(json_text(v), "{\n  \"list\": [\n    0.333333333333,\n    2.5\n  ],\n  \"n\": 3,\n  \"share\": 0.3,\n  \"sum\": 124607.0\n}\n");
}

}  // namespace
}  // namespace exodus
