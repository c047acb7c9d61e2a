#include "exodus/io/yaml/yaml_document.h"

#include <gtest/gtest.h>

#include <string>

namespace exodus {
namespace {

bool starts_with(const std::string& text, const std::string& start) { return text.rfind(start, 0) == 0; }

// The one problem load_yaml finds in `text`, as "line|field|message".
std::string problem(const std::string& text) {
  ErrorList errors;
  const auto doc = load_yaml({"s.yaml", text}, errors);
  EXPECT_FALSE(doc.has_value()) << text;
  if (errors.size() != 1) return "problems: " + std::to_string(errors.size());
  const InputError& e = errors.errors()[0];
  EXPECT_PRED2(starts_with, e.pos().file, "s.yaml");
  return std::to_string(e.pos().line) + "|" + e.pos().field + "|" + e.message();
}

// A control character in the text, or written as one of YAML's escapes in a key or a value, is
// refused with its line (and the key, for an escape): it would reach the terminal in every name.
TEST(LoadYaml, RefusesControlCharactersInTheTextAndInEscapes) {
  EXPECT_PRED2(starts_with, problem("name: tiny\ndescription: red \x1b[31mtext\n"), "2||holds the control character U+001B (ESC); ");
  EXPECT_PRED2(starts_with, problem("# a comment\x7F\nname: x\n"), "1||holds the control character U+007F (DEL)");
  EXPECT_PRED2(starts_with, problem("a: 1\nb:\n  c: x\xC2\x9B" "31m\n"), "3||holds the control character U+009B (CSI)");
  // Escapes: the text is plain, the value is not.
  for (const char* escape : {"\\e", "\\x1b", "\\u001b", "\\U0000001b"}) {
    const std::string p = problem(std::string("name: x\nparameters:\n  note: \"red ") + escape + "[31m\"\n");
    EXPECT_PRED2(starts_with, p, "3|parameters.note|holds the control character U+001B (ESC); ") << escape;
    EXPECT_NE(p.find("(it is written as an escape)"), std::string::npos) << p;
  }
  EXPECT_PRED2(starts_with, problem("list:\n  - ok\n  - \"\\N\"\n"), "3|list[1]|holds the control character U+0085 (NEL)");
  // A key's control character is shown, not written, in the path the error prints.
  EXPECT_PRED2(starts_with, problem("\"k\\x9b\": 1\n"), "1|k<U+009B>|holds the control character U+009B (CSI)");
}

TEST(LoadYaml, AcceptsTabsAndLineBreaks) {
  ErrorList errors;
  const auto doc = load_yaml({"s.yaml", "a: \"x\\ty\\nz\"\r\nb: |\n  two\n  lines\n# tab:\there\n"}, errors);
  ASSERT_TRUE(doc.has_value()) << (errors.empty() ? "" : errors.errors()[0].what());
  EXPECT_EQ((*doc)["a"].as<std::string>(), "x\ty\nz");
  EXPECT_EQ((*doc)["b"].as<std::string>(), "two\nlines\n");
}

}  // namespace
}  // namespace exodus
