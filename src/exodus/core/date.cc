#include "exodus/core/date.h"

#include <charconv>
#include <chrono>

#include <fmt/format.h>

#include "exodus/core/parse.h"

namespace exodus {

namespace {
bool parse_digits(std::string_view text, int& out) {
  if (text.empty()) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return std::from_chars(text.data(), text.data() + text.size(), out).ec == std::errc();
}
}  // namespace

std::optional<Date> Date::parse(std::string_view text) {
  text = trim(text);
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0, m = 0, d = 0;
  if (!parse_digits(text.substr(0, 4), y) || !parse_digits(text.substr(5, 2), m) ||
      !parse_digits(text.substr(8, 2), d))
    return std::nullopt;
  if (y < 1000) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{y},
                                        std::chrono::month{static_cast<unsigned>(m)},
                                        std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return Date(static_cast<std::int32_t>(std::chrono::sys_days{ymd}.time_since_epoch().count()));
}

std::string Date::iso() const {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days_}}};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

Date parse_date(std::string_view text, const SourcePos& pos) {
  auto date = Date::parse(text);
  if (!date)
    throw InputError(pos, fmt::format("expected a date as YYYY-MM-DD, found '{}'", trim(text)));
  return *date;
}

}  // namespace exodus
