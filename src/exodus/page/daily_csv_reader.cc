#include "exodus/page/daily_csv_reader.h"

#include <fmt/format.h>

#include <map>

#include "exodus/core/csv_table.h"
#include "exodus/core/parse.h"
#include "exodus/page/daily_rows.h"

namespace exodus {

namespace {

std::optional<PlaceKind> place_kind(std::string_view text) {
  for (const PlaceKind k : {PlaceKind::kTotal, PlaceKind::kLeaverKind, PlaceKind::kDestination, PlaceKind::kCheckpoint,
                            PlaceKind::kFlight, PlaceKind::kRoad})
    if (text == to_string(k)) return k;
  return std::nullopt;
}

}  // namespace

SeriesTable read_daily_csv(const TextFile& file) {
  ErrorList errors;
  const CsvTable t(file, {"date", "day", "kind", "place", "metric", "value"}, {}, errors);
  errors.throw_if_any();
  const DailyRows rows = index_daily_rows(
      t, [&](const CsvRow& row) { return t.cell(row, "kind") + '\n' + t.cell(row, "place") + '\n' + t.cell(row, "metric"); });
  SeriesTable table(rows.start);
  // A place's index: its order of first appearance among its kind's places.
  std::map<std::pair<PlaceKind, std::string>, std::size_t> place_index;
  std::map<PlaceKind, std::size_t> places_of_kind;
  for (std::size_t s = 0; s < rows.series; ++s) {
    const CsvRow& row = t.rows()[rows.first_row[s]];
    const auto kind = place_kind(t.cell(row, "kind"));
    if (!kind) throw InputError(t.pos(row, "kind"), fmt::format("'{}' is not a kind of daily.csv", t.cell(row, "kind")));
    const std::string place = t.cell(row, "place");
    const auto [p, added] = place_index.try_emplace({*kind, place}, places_of_kind[*kind]);
    if (added) ++places_of_kind[*kind];
    table.add(*kind, place, p->second, t.cell(row, "metric"));
    table.series().back().values.assign(rows.days, 0.0);
  }
  for (std::size_t r = 0; r < t.rows().size(); ++r)
    table.series()[rows.series_of_row[r]].values[rows.day_of_row[r]] = bounded_value(t, t.rows()[r], "value");
  return table;
}

const DailySeries* find_series(const SeriesTable& table, PlaceKind kind, std::string_view place, std::string_view metric) {
  for (const auto& s : table.series())
    if (s.kind == kind && s.place == place && s.metric == metric) return &s;
  return nullptr;
}

}  // namespace exodus
