// Aliases repeat what their anchor names: a few lines can stand for billions of values, which
// every walk of the document would visit. The walk is bounded, and such a file refused.
#include <gtest/gtest.h>

#include <string>

#include "exodus/io/yaml/yaml_document.h"

namespace exodus {
namespace {

// Nine levels of aliases of aliases, each seven times the one before: 7^9 (40 million) values.
std::string alias_chain(int levels) {
  std::string text = "a0: &a0 [x, x, x, x, x, x, x]\n";
  for (int i = 1; i <= levels; ++i) {
    const std::string prev = "*a" + std::to_string(i - 1);
    text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [" + prev + ", " + prev + ", " + prev + ", " + prev +
            ", " + prev + ", " + prev + ", " + prev + "]\n";
  }
  return text;
}

TEST(YamlAliases, AChainThatStandsForMillionsOfValuesIsRefused) {
  ErrorList errors;
  EXPECT_FALSE(load_yaml({"simsetting.yml", alias_chain(9)}, errors).has_value());
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors.errors()[0].pos().file, "simsetting.yml");
  EXPECT_NE(errors.errors()[0].message().find("aliases"), std::string::npos) << errors.errors()[0].message();
}

TEST(YamlAliases, AFewAliasesAreStillRead) {
  ErrorList errors;
  const auto doc = load_yaml({"simsetting.yml", alias_chain(2)}, errors);  // 7 + 49 + 343 values
  ASSERT_TRUE(doc.has_value()) << (errors.empty() ? "" : errors.errors()[0].message());
  EXPECT_EQ((*doc)["a2"].size(), 7u);
}

}  // namespace
}  // namespace exodus
