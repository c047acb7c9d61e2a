#pragma once
// A scenario run's daily.csv read back into the table the run recorded it from
// (recorder/series_table.h), for what reads outputs afterwards (exodus report). A place's index
// is its order of first appearance among its kind's places.
#include "exodus/core/text_source.h"
#include "exodus/recorder/series_table.h"

namespace exodus {

// Throws InputError naming the file, line and field of a bad cell, an unknown kind, a day
// beyond InputLimits::max_days, a day with no row, or dates that do not follow the days.
SeriesTable read_daily_csv(const TextFile& file);

// The series of a place's metric by the place's name, or nullptr.
const DailySeries* find_series(const SeriesTable& table, PlaceKind kind, std::string_view place, std::string_view metric);

}  // namespace exodus
