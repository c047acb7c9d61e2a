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

namespace {

// The columns that name a series: the band layout's kind, place and metric, or the estimate's
// corridor and quantity (kind: "corridor").
struct SeriesColumns {
  std::string kind;  // a column, or empty: every series is of kind `fixed_kind`
  std::string fixed_kind, place, metric, note;
};

BandTable read_bands(const TextFile& file, const SeriesColumns& c, std::vector<std::string> optional) {
  std::vector<std::string> required = {"date", "day", c.place, c.metric, "median", "lo50", "hi50", "lo90", "hi90"};
  if (!c.kind.empty()) required.push_back(c.kind);
  ErrorList errors;
  const CsvTable t(file, required, optional, errors);
  errors.throw_if_any();
  const auto kind_of = [&](const CsvRow& row) { return c.kind.empty() ? c.fixed_kind : t.cell(row, c.kind); };
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
    position.try_emplace({kind_of(row), t.cell(row, c.place), t.cell(row, c.metric)}, position.size());
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
    const std::size_t s = position.at({kind_of(row), t.cell(row, c.place), t.cell(row, c.metric)});
    BandSeries& b = table.series[s];
    if (b.days.empty()) {
      b.kind = kind_of(row);
      b.place = t.cell(row, c.place);
      b.metric = t.cell(row, c.metric);
      b.discrepancy = t.cell(row, c.note);
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

}  // namespace

BandTable read_forecast_csv(const TextFile& file) {
  return read_bands(file, {"kind", "", "place", "metric", "discrepancy"}, {"discrepancy"});
}

BandTable read_estimate_daily_csv(const TextFile& file) {
  return read_bands(file, {"", "corridor", "corridor", "quantity", "basis"}, {"days_from_shock", "basis"});
}

}  // namespace exodus
