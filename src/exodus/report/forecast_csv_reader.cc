#include "exodus/report/forecast_csv_reader.h"

#include <fmt/format.h>

#include <map>
#include <optional>
#include <tuple>

#include "exodus/core/csv_table.h"
#include "exodus/core/limits.h"
#include "exodus/core/parse.h"

namespace exodus {

const BandSeries* BandTable::find(std::string_view kind, std::string_view place, std::string_view metric) const {
  for (const auto& s : series)
    if (s.kind == kind && s.place == place && s.metric == metric) return &s;
  return nullptr;
}

BandTable read_forecast_csv(const TextFile& file) {
  ErrorList errors;
  const CsvTable t(file, {"date", "day", "kind", "place", "metric", "median", "lo50", "hi50", "lo90", "hi90"},
                   {"discrepancy"}, errors);
  errors.throw_if_any();
  std::optional<Date> start;
  std::size_t days = 0;
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t> position;
  for (const auto& row : t.rows()) {
    const auto day = static_cast<std::size_t>(parse_int(t.cell(row, "day"), t.pos(row, "day"), 0, InputLimits{}.max_days - 1));
    const Date date = parse_date(t.cell(row, "date"), t.pos(row, "date"));
    const Date day0 = date + -static_cast<std::int32_t>(day);
    if (start && *start != day0)
      throw InputError(t.pos(row, "date"), fmt::format("{} is not day {} of a run that starts on {}", date.iso(), day, start->iso()));
    start = day0;
    days = std::max(days, day + 1);
    position.try_emplace({t.cell(row, "kind"), t.cell(row, "place"), t.cell(row, "metric")}, position.size());
  }
  if (position.size() * days != t.rows().size())
    throw InputError({file.name, 0, "day"}, fmt::format("holds {} rows where {} series over {} days need {}: a day is missing "
                                                        "or repeated",
                                                        t.rows().size(), position.size(), days, position.size() * days));
  BandTable table;
  table.start = start.value_or(Date{});
  for (std::size_t i = 0; i < days; ++i) table.dates.push_back((table.start + static_cast<std::int32_t>(i)).iso());
  table.series.resize(position.size());
  std::vector<std::vector<char>> seen(position.size(), std::vector<char>(days, 0));
  for (const auto& row : t.rows()) {
    const std::size_t s = position.at({t.cell(row, "kind"), t.cell(row, "place"), t.cell(row, "metric")});
    BandSeries& b = table.series[s];
    if (b.days.empty()) {
      b.kind = t.cell(row, "kind");
      b.place = t.cell(row, "place");
      b.metric = t.cell(row, "metric");
      b.discrepancy = t.cell(row, "discrepancy");
      b.days.resize(days);
    }
    const auto day = static_cast<std::size_t>(parse_int(t.cell(row, "day"), t.pos(row, "day")));
    if (seen[s][day]) throw InputError(t.pos(row, "day"), fmt::format("day {} of {} {} {} is given twice", day, b.kind, b.place, b.metric));
    seen[s][day] = 1;
    const auto number = [&](const char* column) { return parse_double(t.cell(row, column), t.pos(row, column)); };
    b.days[day] = {number("median"), number("lo50"), number("hi50"), number("lo90"), number("hi90")};
  }
  return table;
}

}  // namespace exodus
