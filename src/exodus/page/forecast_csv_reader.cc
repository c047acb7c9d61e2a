#include "exodus/page/forecast_csv_reader.h"

#include <fmt/format.h>


#include "exodus/core/csv_table.h"
#include "exodus/core/parse.h"
#include "exodus/page/daily_rows.h"

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
  const DailyRows rows =
      index_daily_rows(t, [&](const CsvRow& row) { return kind_of(row) + '\n' + t.cell(row, c.place) + '\n' + t.cell(row, c.metric); });
  BandTable table;
  table.start = rows.start;
  for (std::size_t i = 0; i < rows.days; ++i) table.dates.push_back((table.start + static_cast<std::int32_t>(i)).iso());
  table.series.resize(rows.series);
  for (std::size_t s = 0; s < rows.series; ++s) {
    const CsvRow& row = t.rows()[rows.first_row[s]];
    table.series[s] = {kind_of(row), t.cell(row, c.place), t.cell(row, c.metric), t.cell(row, c.note),
                       std::vector<Interval>(rows.days)};
  }
  for (std::size_t r = 0; r < t.rows().size(); ++r) {
    const CsvRow& row = t.rows()[r];
    const auto number = [&](const char* column) { return bounded_value(t, row, column); };
    const Interval i{number("median"), number("lo50"), number("hi50"), number("lo90"), number("hi90")};
    if (!(i.lo90 <= i.lo50 && i.lo50 <= i.median && i.median <= i.hi50 && i.hi50 <= i.hi90))
      throw InputError(t.pos(row, "median"), "the intervals are not nested: lo90 <= lo50 <= median <= hi50 <= hi90");
    table.series[rows.series_of_row[r]].days[rows.day_of_row[r]] = i;
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
