#pragma once
// The band layout calibrations and ensembles write (forecast.csv: a median, 50% and 90%
// intervals per day and series) read back, for exodus report.
#include <string>
#include <string_view>
#include <vector>

#include "exodus/core/date.h"
#include "exodus/core/text_source.h"
#include "exodus/infer/interval.h"

namespace exodus {

struct BandSeries {
  std::string kind, place, metric;
  std::string discrepancy;  // fitted, prior or none: what the band's model error rests on
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

}  // namespace exodus
