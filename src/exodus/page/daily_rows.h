#pragma once
// The rows of a long-format daily file (a date and a day column, one row per series and day),
// indexed and checked before anything is sized by them: the days are bounded by
// InputLimits::max_days, the dates follow the days, and every series has exactly one row a day
// (series × days = rows), so no file, however short, can make a reader allocate more than its
// rows. Shared by the readers of daily.csv and of the band layouts.
#include <functional>
#include <string>
#include <vector>

#include "exodus/core/csv_table.h"
#include "exodus/core/date.h"

namespace exodus {

struct DailyRows {
  Date start;                  // day 0's date
  std::size_t days = 0;
  std::size_t series = 0;      // distinct series, numbered in order of first appearance
  std::vector<std::size_t> series_of_row, day_of_row;  // per row of the table
  std::vector<std::size_t> first_row;                  // per series: its first row
};

// `series_key` names a row's series. Throws InputError naming the file, line and field.
DailyRows index_daily_rows(const CsvTable& table, const std::function<std::string(const CsvRow&)>& series_key);

// A day's value read back: a number within ±kMostPeople, as exodus writes them (a count, a
// queue, a wait); InputError naming the cell otherwise.
double bounded_value(const CsvTable& table, const CsvRow& row, const char* column);

}  // namespace exodus
