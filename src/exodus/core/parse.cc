#include "exodus/core/parse.h"

#include <charconv>
#include <cmath>
#include <limits>

#include <fmt/format.h>

namespace exodus {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const auto cut = text.find(';');
    const auto name = trim(text.substr(0, cut));
    if (!name.empty()) out.emplace_back(name);
    text = cut == std::string_view::npos ? std::string_view{} : text.substr(cut + 1);
  }
  return out;
}

std::string to_lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

namespace {
std::string shown(std::string_view text) {
  constexpr std::size_t kMax = 40;
  if (text.size() <= kMax) return fmt::format("'{}'", text);
  return fmt::format("'{}...' ({} characters)", text.substr(0, kMax), text.size());
}
}  // namespace

double parse_double(std::string_view text, const SourcePos& pos) {
  const auto t = trim(text);
  if (t.empty()) throw InputError(pos, "expected a number, found an empty field");
  const char* first = t.data();
  if (*first == '+' && first + 1 < t.data() + t.size() && first[1] != '-' && first[1] != '+') ++first;
  double value = 0;
  const auto [ptr, ec] = std::from_chars(first, t.data() + t.size(), value);
  if (ec == std::errc::result_out_of_range)
    throw InputError(pos, fmt::format("number {} is out of range", shown(t)));
  if (ec != std::errc() || ptr != t.data() + t.size())
    throw InputError(pos, fmt::format("expected a number, found {}", shown(t)));
  if (!std::isfinite(value))
    throw InputError(pos, fmt::format("expected a finite number, found {}", shown(t)));
  // Below the smallest normal double: no figure means that, and arithmetic on it loses all
  // precision (a typo for 0, or an exponent gone wrong).
  if (value != 0 && std::abs(value) < std::numeric_limits<double>::min())
    throw InputError(pos, fmt::format("number {} is too close to zero to be a figure (0?)", shown(t)));
  return value;
}

std::int64_t parse_int(std::string_view text, const SourcePos& pos, std::int64_t min,
                       std::int64_t max) {
  const auto t = trim(text);
  if (t.empty()) throw InputError(pos, "expected a whole number, found an empty field");
  const char* first = t.data();
  if (*first == '+' && first + 1 < t.data() + t.size() && first[1] != '-' && first[1] != '+') ++first;
  std::int64_t value = 0;
  const auto [ptr, ec] = std::from_chars(first, t.data() + t.size(), value);
  if (ec == std::errc::result_out_of_range)
    throw InputError(pos, fmt::format("number {} is out of range", shown(t)));
  if (ec != std::errc() || ptr != t.data() + t.size())
    throw InputError(pos, fmt::format("expected a whole number, found {}", shown(t)));
  if (value < min || value > max)
    throw InputError(pos, fmt::format("{} is outside the allowed range [{}, {}]", value, min, max));
  return value;
}

std::optional<double> parse_optional_double(std::string_view text, const SourcePos& pos) {
  if (trim(text).empty()) return std::nullopt;
  return parse_double(text, pos);
}

std::optional<std::int64_t> parse_optional_int(std::string_view text, const SourcePos& pos,
                                               std::int64_t min, std::int64_t max) {
  if (trim(text).empty()) return std::nullopt;
  return parse_int(text, pos, min, max);
}

}  // namespace exodus
