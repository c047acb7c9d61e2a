#pragma once
// Control characters in input text: the C0 controls other than tab, line feed and carriage
// return, DEL, and the C1 controls (U+0080 to U+009F; in UTF-8, 0xC2 0x80 to 0xC2 0x9F). None
// belongs in a name, an id, a note or a number, and a terminal obeys them: ESC and CSI begin the
// sequences that recolour it, move its cursor, retitle its window or rewrite what it showed. The
// readers refuse them where text enters (the CSV reader, the YAML loader, the checkpoint), with
// the file, line and field, so that no name exodus prints or draws can carry one.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace exodus {

struct ControlCharacter {
  std::size_t offset = 0;  // where it starts in the text
  std::size_t bytes = 1;   // its length: 2 for a C1 control, written in UTF-8
  char32_t code = 0;       // its code point
  std::size_t line = 0;    // its line (1-based), where find_control_character found it
};

// The control character starting at text[i], if one does (a lone 0xC2 at the end is none: it is
// not UTF-8, which readers refuse on their own).
inline std::optional<ControlCharacter> control_character_at(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return ControlCharacter{i, 1, c};
  if (c == 0xC2 && i + 1 < text.size()) {
    const auto next = static_cast<unsigned char>(text[i + 1]);
    if (next >= 0x80 && next <= 0x9F) return ControlCharacter{i, 2, next};
  }
  return std::nullopt;
}

// The first control character in `text`, if any, with its line. Text is read as UTF-8; a byte
// 0x80 to 0x9F that is not part of a UTF-8 character is taken as the C1 control it is in 8-bit
// text (what YAML's "\N" escape gives, and what a Latin-1 terminal obeys).
std::optional<ControlCharacter> find_control_character(std::string_view text);

// Its usual abbreviation: "ESC", "DEL", "CSI".
std::string control_character_name(char32_t code);

// `text` with each control character written as "<U+001B>": safe to print where the text must
// be shown, as a key in a YAML path.
std::string with_control_characters_shown(std::string_view text);

// What an error says of it: "holds the control character U+001B (ESC); ...".
std::string control_character_message(char32_t code);

}  // namespace exodus
