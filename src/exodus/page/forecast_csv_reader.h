#pragma once
// The band layouts read back, for exodus report: forecast.csv of calibrations and ensembles (a
// median, 50% and 90% intervals per day and series) and the estimate's daily.csv (the same per
// corridor and quantity).
#include <string>
#include <string_view>
#include <vector>

#include "exodus/core/date.h"
#include "exodus/core/text_source.h"
#include "exodus/core/interval.h"

namespace exodus {

struct BandSeries {
  std::string kind, place, metric;
  std::string discrepancy;  // fitted, prior or none: what the band's model error rests on (estimate: the first day's basis)
  std::vector<Interval> days;
};

struct BandTable {
  Date start;
  std::vector<std::string> dates;
  std::vector<BandSeries> series;
  const BandSeries* find(std::string_view kind, std::string_view place, std::string_view metric) const;
};

// Throws InputError naming the file, line and field; every series must have a row a day, which
// is checked before anything is sized by the days.
BandTable read_forecast_csv(const TextFile& file);
// Series of kind "corridor", place the corridor, metric the quantity.
BandTable read_estimate_daily_csv(const TextFile& file);

}  // namespace exodus
