#include "exodus/core/control_characters.h"

#include <array>
#include <cstdint>

#include <fmt/format.h>

namespace exodus {

namespace {

// ISO 6429's abbreviations, by code point.
constexpr std::array<const char*, 32> kC0Names = {
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS",  "HT",  "LF",  "VT",  "FF",  "CR",  "SO",  "SI",
    "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM",  "SUB", "ESC", "FS",  "GS",  "RS",  "US"};
constexpr std::array<const char*, 32> kC1Names = {
    "PAD", "HOP", "BPH", "NBH", "IND", "NEL", "SSA", "ESA", "HTS", "HTJ", "VTS", "PLD", "PLU", "RI",  "SS2", "SS3",
    "DCS", "PU1", "PU2", "STS", "CCH", "MW",  "SPA", "EPA", "SOS", "SGCI", "SCI", "CSI", "ST",  "OSC", "PM",  "APC"};

// The length of the UTF-8 character starting at text[i], or 0 when none starts there.
std::size_t utf8_length(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  if (c >= 0xC2 && c <= 0xDF) n = 2;
  else if ((c & 0xF0) == 0xE0) n = 3;
  else if (c >= 0xF0 && c <= 0xF4) n = 4;
  else return 0;
  if (i + n > text.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 0;
  return n;
}

// The control character at text[i], if one is there (a byte 0x80 to 0x9F outside a UTF-8
// character included); `step`: how far the next character is.
std::optional<ControlCharacter> control_or_step(std::string_view text, std::size_t i, std::size_t& step) {
  auto found = control_character_at(text, i);
  const std::size_t n = utf8_length(text, i);
  const auto c = static_cast<unsigned char>(text[i]);
  if (!found && n == 0 && c >= 0x80 && c <= 0x9F) found = ControlCharacter{i, 1, c};
  step = found ? found->bytes : n == 0 ? 1 : n;
  return found;
}

}  // namespace

std::optional<ControlCharacter> find_control_character(std::string_view text) {
  std::size_t line = 1;
  for (std::size_t i = 0, step = 1; i < text.size(); i += step) {
    if (auto found = control_or_step(text, i, step)) {
      found->line = line;
      return found;
    }
    if (text[i] == '\n') ++line;
  }
  return std::nullopt;
}

std::string with_control_characters_shown(std::string_view text) {
  std::string out;
  for (std::size_t i = 0, step = 1; i < text.size(); i += step) {
    if (const auto control = control_or_step(text, i, step))
      out += fmt::format("<U+{:04X}>", static_cast<std::uint32_t>(control->code));
    else
      out.append(text.substr(i, step));
  }
  return out;
}

std::string control_character_name(char32_t code) {
  if (code < 0x20) return kC0Names[code];
  if (code == 0x7F) return "DEL";
  if (code >= 0x80 && code <= 0x9F) return kC1Names[code - 0x80];
  return "?";
}

std::string control_character_message(char32_t code) {
  return fmt::format("holds the control character U+{:04X} ({}); input text may hold tabs and line breaks but no other "
                     "control character (a terminal would obey it): remove it",
                     static_cast<std::uint32_t>(code), control_character_name(code));
}

}  // namespace exodus
