#include "exodus/page/daily_rows.h"

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <optional>

#include "exodus/core/limits.h"
#include "exodus/core/parse.h"

namespace exodus {

double bounded_value(const CsvTable& t, const CsvRow& row, const char* column) {
  const double v = parse_double(t.cell(row, column), t.pos(row, column));
  if (std::abs(v) > kMostPeople)
    throw InputError(t.pos(row, column), fmt::format("{} is beyond ±1e10: exodus writes no value that large", t.cell(row, column)));
  return v;
}

DailyRows index_daily_rows(const CsvTable& t, const std::function<std::string(const CsvRow&)>& series_key) {
  DailyRows out;
  // A header alone is a file cut short, not a run of no days.
  if (t.rows().empty()) throw InputError({t.file(), 1, ""}, "has no day, only its header: was it cut short?");
  std::optional<Date> start;
  std::map<std::string, std::size_t> number;
  for (const auto& row : t.rows()) {
    const auto day = static_cast<std::size_t>(parse_int(t.cell(row, "day"), t.pos(row, "day"), 0, InputLimits{}.max_days - 1));
    const Date date = parse_date(t.cell(row, "date"), t.pos(row, "date"));
    const Date day0 = date + -static_cast<std::int32_t>(day);
    if (start && *start != day0)
      throw InputError(t.pos(row, "date"), fmt::format("{} is not day {} of a run that starts on {}", date.iso(), day, start->iso()));
    start = day0;
    out.days = std::max(out.days, day + 1);
    const auto [it, added] = number.try_emplace(series_key(row), number.size());
    if (added) out.first_row.push_back(out.series_of_row.size());
    out.series_of_row.push_back(it->second);
    out.day_of_row.push_back(day);
  }
  out.start = start.value_or(Date{});
  out.series = number.size();
  if (out.series * out.days != t.rows().size())
    throw InputError({t.file(), 0, "day"}, fmt::format("holds {} rows where {} series over {} days need {}: a day is missing "
                                                       "or repeated",
                                                       t.rows().size(), out.series, out.days, out.series * out.days));
  // As many rows as cells: a day given twice leaves another missing.
  std::vector<char> seen(out.series * out.days, 0);
  for (std::size_t r = 0; r < t.rows().size(); ++r) {
    char& cell = seen[out.series_of_row[r] * out.days + out.day_of_row[r]];
    if (cell) throw InputError(t.pos(t.rows()[r], "day"), fmt::format("day {} of this series is given twice", out.day_of_row[r]));
    cell = 1;
  }
  return out;
}

}  // namespace exodus
