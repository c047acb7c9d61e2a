// manifest.json and summary.json read back: a value of the wrong type is named by file and key.
#include "exodus/page/json_file.h"

#include <gtest/gtest.h>

#include <functional>

#include "exodus/core/error.h"

namespace exodus {
namespace {

const JsonInput kSummary("summary.json", nlohmann::json::parse(R"({
  "as_of": null, "seconds": "fast", "trustworthy": 1, "simulations": 40,
  "totals": [{"total": "a", "interval": {"median": 1, "50%": [0, 2], "90%": [3, 1]}}, 7],
  "parameters": {"x": 1}
})"));

std::string field_of_error(const std::function<void()>& read) {
  try {
    read();
  } catch (const InputError& e) {
    EXPECT_EQ(e.pos().file, "summary.json") << e.what();
    EXPECT_NE(std::string(e.what()).find("where exodus writes"), std::string::npos) << e.what();
    return e.pos().field;
  }
  ADD_FAILURE() << "accepted";
  return "";
}

TEST(JsonInput, NullOrAbsentGiveTheFallbackAndOtherTypesAreNamed) {
  EXPECT_EQ(kSummary.text("as_of", "none"), "none");
  EXPECT_EQ(kSummary.text("missing"), "");
  EXPECT_EQ(kSummary.number("simulations", 0), 40);
  EXPECT_EQ(kSummary.shown("simulations"), "40");
  EXPECT_EQ(kSummary.shown("missing"), "?");
  EXPECT_EQ(field_of_error([] { kSummary.number("seconds", 0); }), "seconds");
  EXPECT_EQ(field_of_error([] { kSummary.flag("trustworthy", false); }), "trustworthy");
  EXPECT_EQ(field_of_error([] { kSummary.text("simulations"); }), "simulations");
  EXPECT_EQ(field_of_error([] { kSummary.objects("parameters"); }), "parameters");
}

TEST(JsonInput, NestedValuesAreNamedByTheirPath) {
  // The second element of totals is a number, not an object.
  EXPECT_EQ(field_of_error([] { kSummary.objects("totals"); }), "totals[1]");
  const JsonInput doc("summary.json", nlohmann::json::parse(R"({"a": {"b": {"c": "x"}}})"));
  EXPECT_EQ(field_of_error([&] { doc.object("a").object("b").number("c", 0); }), "a.b.c");
  EXPECT_EQ(field_of_error([&] { doc.object("a").object("b").object("c"); }), "a.b.c");
}

TEST(JsonInput, AnIntervalMustBeTwoOrderedNumbers) {
  const JsonInput doc("summary.json", nlohmann::json::parse(R"({"t": {"50%": [0, 2], "90%": [3, 1], "x": [1], "y": ["a", 2]}})"));
  const JsonInput t = doc.object("t");
  EXPECT_EQ(t.interval("50%"), std::pair(0.0, 2.0));
  for (const char* key : {"90%", "x", "y", "z"}) {
    try {
      t.interval(key);
      ADD_FAILURE() << key << " accepted";
    } catch (const InputError& e) {
      EXPECT_EQ(e.pos().field, std::string("t.") + key) << e.what();
    }
  }
}

TEST(JsonInput, ADocumentThatIsNotAnObjectIsRefused) {
  EXPECT_THROW(JsonInput("manifest.json", nlohmann::json::parse("[1, 2]")), InputError);
  EXPECT_THROW(JsonInput("manifest.json", nlohmann::json::parse("null")), InputError);
}

}  // namespace
}  // namespace exodus
