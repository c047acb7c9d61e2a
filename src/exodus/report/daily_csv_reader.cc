#include "exodus/report/daily_csv_reader.h"

#include <fmt/format.h>

#include <map>
#include <set>
#include <tuple>

#include "exodus/core/csv_table.h"
#include "exodus/core/limits.h"
#include "exodus/core/parse.h"

namespace exodus {

namespace {

std::optional<PlaceKind> place_kind(std::string_view text) {
  for (const PlaceKind k : {PlaceKind::kTotal, PlaceKind::kLeaverKind, PlaceKind::kDestination, PlaceKind::kCheckpoint,
                            PlaceKind::kFlight})
    if (text == to_string(k)) return k;
  return std::nullopt;
}

}  // namespace

SeriesTable read_daily_csv(const TextFile& file) {
  ErrorList errors;
  const CsvTable t(file, {"date", "day", "kind", "place", "metric", "value"}, {}, errors);
  errors.throw_if_any();
  // The days and series are counted first: every series has a row a day, so their product must
  // be the rows' count before any series is sized by it (no file, however short, sizes memory).
  std::optional<Date> start;
  std::size_t days = 0;
  std::set<std::tuple<std::string, std::string, std::string>> keys;
  for (const auto& row : t.rows()) {
    keys.emplace(t.cell(row, "kind"), t.cell(row, "place"), t.cell(row, "metric"));
    const auto day = static_cast<std::size_t>(parse_int(t.cell(row, "day"), t.pos(row, "day"), 0, InputLimits{}.max_days - 1));
    const Date date = parse_date(t.cell(row, "date"), t.pos(row, "date"));
    const Date day0 = date + -static_cast<std::int32_t>(day);
    if (start && *start != day0)
      throw InputError(t.pos(row, "date"), fmt::format("{} is not day {} of a run that starts on {}", date.iso(), day, start->iso()));
    start = day0;
    days = std::max(days, day + 1);
  }
  if (keys.size() * days != t.rows().size())
    throw InputError({file.name, 0, "day"}, fmt::format("holds {} rows where {} series over {} days need {}: a day is missing "
                                                        "or repeated",
                                                        t.rows().size(), keys.size(), days, keys.size() * days));
  SeriesTable table(start.value_or(Date{}));
  std::map<std::tuple<PlaceKind, std::string, std::string>, std::size_t> position;
  std::map<std::pair<PlaceKind, std::string>, std::size_t> place_index;
  std::map<PlaceKind, std::size_t> places_of_kind;
  std::vector<std::vector<char>> seen;
  for (const auto& row : t.rows()) {
    const auto kind = place_kind(t.cell(row, "kind"));
    if (!kind) throw InputError(t.pos(row, "kind"), fmt::format("'{}' is not a kind of daily.csv", t.cell(row, "kind")));
    const std::string place = t.cell(row, "place"), metric = t.cell(row, "metric");
    auto [it, added] = position.try_emplace({*kind, place, metric}, table.series().size());
    if (added) {
      auto [p, new_place] = place_index.try_emplace({*kind, place}, places_of_kind[*kind]);
      if (new_place) ++places_of_kind[*kind];
      table.add(*kind, place, p->second, metric);
      table.series().back().values.assign(days, 0.0);
      seen.emplace_back(days, 0);
    }
    const auto day = static_cast<std::size_t>(parse_int(t.cell(row, "day"), t.pos(row, "day")));
    table.series()[it->second].values[day] = parse_double(t.cell(row, "value"), t.pos(row, "value"));
    seen[it->second][day] = 1;
  }
  for (std::size_t s = 0; s < seen.size(); ++s)
    for (std::size_t d = 0; d < days; ++d)
      if (!seen[s][d]) {
        const auto& series = table.series()[s];
        throw InputError({file.name, 0, "day"},
                         fmt::format("has no row for day {} of {} {} {}", d, to_string(series.kind), series.place, series.metric));
      }
  return table;
}

const DailySeries* find_series(const SeriesTable& table, PlaceKind kind, std::string_view place, std::string_view metric) {
  for (const auto& s : table.series())
    if (s.kind == kind && s.place == place && s.metric == metric) return &s;
  return nullptr;
}

}  // namespace exodus
