#pragma once
// The as-of point of a calibration: the last day whose figures it may read, all published after
// it withheld. Written as a date (2022-09-30) or as a day number of the case (0: its first day,
// as a Flee case counts them). One type, read in one place; each case turns it into its own
// calendar, so that both verbs take both forms.
#include <cstdint>
#include <optional>
#include <string>

#include "exodus/core/date.h"
#include "exodus/core/error.h"

namespace exodus {

class AsOf {
 public:
  AsOf(Date date) : date_(date) {}  // NOLINT: a date is an as-of point as it stands
  static AsOf day(std::int32_t number) {
    AsOf a(Date{});
    a.date_.reset();
    a.day_ = number;
    return a;
  }
  // "2022-09-30" or a whole number of days from 0; throws InputError at `where`.
  static AsOf parse(const std::string& text, const SourcePos& where);

  // In a calendar whose day 0 is dated `day0`: the date, and the day number.
  Date date(Date day0) const { return date_ ? *date_ : day0 + day_; }
  std::int32_t day_number(Date day0) const { return date_ ? *date_ - day0 : day_; }
  // As given: the date, or "day N".
  std::string text() const { return date_ ? date_->iso() : "day " + std::to_string(day_); }

 private:
  std::optional<Date> date_;
  std::int32_t day_ = 0;
};

}  // namespace exodus
