#include "exodus/core/control_characters.h"

#include <gtest/gtest.h>

#include <string>

namespace exodus {
namespace {

TEST(ControlCharacters, FindsC0DelAndC1WithTheirLine) {
  const auto esc = find_control_character("ok\nred \x1b[31m");
  ASSERT_TRUE(esc.has_value());
  EXPECT_EQ(esc->code, 0x1Bu);
  EXPECT_EQ(esc->offset, 7u);
  EXPECT_EQ(esc->line, 2u);
  const auto csi = find_control_character("a\nb\nc \xC2\x9B" "2J");
  ASSERT_TRUE(csi.has_value());
  EXPECT_EQ(csi->code, 0x9Bu);
  EXPECT_EQ(csi->bytes, 2u);
  EXPECT_EQ(csi->line, 3u);
  EXPECT_EQ(find_control_character("x\x7F")->code, 0x7Fu);
  EXPECT_EQ(find_control_character(std::string("\0", 1))->code, 0u);
  // A byte 0x80 to 0x9F outside a UTF-8 character is the C1 control of 8-bit text; inside one
  // (U+0100 is 0xC4 0x80) it is not.
  const auto raw = find_control_character("ok \xC4\x80 then \x85 here");
  ASSERT_TRUE(raw.has_value());
  EXPECT_EQ(raw->code, 0x85u);
  EXPECT_EQ(raw->offset, 11u);
  EXPECT_EQ(raw->bytes, 1u);
}

TEST(ControlCharacters, LeavesTabLineBreaksAndPrintableTextAlone) {
  // U+00A0 and U+00C2 are printable: 0xC2 starts them as it starts the C1 controls.
  EXPECT_FALSE(find_control_character("a\tb\r\nc ~ \xC2\xA0 \xC3\x82 \xE2\x80\x8B Réfugiés").has_value());
  EXPECT_FALSE(find_control_character("\xC2").has_value());  // cut short: not UTF-8, not a control
}

TEST(ControlCharacters, ShowsThemAsCodePoints) {
  EXPECT_EQ(with_control_characters_shown("a\x1b[31mb\xC2\x9B\tc\xC2\xA0"), "a<U+001B>[31mb<U+009B>\tc\xC2\xA0");
}

TEST(ControlCharacters, NamesEachAsIso6429Does) {
  EXPECT_EQ(control_character_name(0x00), "NUL");
  EXPECT_EQ(control_character_name(0x1B), "ESC");
  EXPECT_EQ(control_character_name(0x1F), "US");
  EXPECT_EQ(control_character_name(0x7F), "DEL");
  EXPECT_EQ(control_character_name(0x80), "PAD");
  EXPECT_EQ(control_character_name(0x9B), "CSI");
  EXPECT_EQ(control_character_name(0x9F), "APC");
  EXPECT_EQ(control_character_message(0x1B).rfind("holds the control character U+001B (ESC); ", 0), 0u);
}

}  // namespace
}  // namespace exodus
