#pragma once
// Calendar dates as whole days, for day offsets between a scenario start and a data point.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "exodus/core/error.h"

namespace exodus {

class Date {
 public:
  Date() = default;
  // Days since 1970-01-01.
  static Date from_days(std::int32_t days) { return Date(days); }
  // Strictly YYYY-MM-DD with a real calendar day in years 1000..9999; nullopt otherwise.
  static std::optional<Date> parse(std::string_view text);

  std::int32_t days() const { return days_; }
  // 0 for Monday to 6 for Sunday (1970-01-01 was a Thursday).
  int weekday() const { return static_cast<int>(((days_ + 3) % 7 + 7) % 7); }
  std::string iso() const;  // YYYY-MM-DD
  // The last day of its month (the next day is the 1st).
  bool is_month_end() const { return (*this + 1).iso().ends_with("-01"); }
  Date operator+(std::int32_t n) const { return Date(days_ + n); }
  std::int32_t operator-(Date other) const { return days_ - other.days_; }
  auto operator<=>(const Date&) const = default;

 private:
  explicit Date(std::int32_t days) : days_(days) {}
  std::int32_t days_ = 0;
};

// Throws InputError naming pos when text is not a valid YYYY-MM-DD date.
Date parse_date(std::string_view text, const SourcePos& pos);

}  // namespace exodus
