#pragma once
// How every page draws a band (a median with 50% and 90% intervals per day) and a list of
// totals with theirs: the calibration's, the ensemble's and the estimate's pages share them.
#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

#include "exodus/page/forecast_csv_reader.h"
#include "exodus/page/json_file.h"

namespace exodus {

// A day after which the page says the figures are forecast or extrapolated.
struct DayMarker {
  std::string date;  // empty: none
  std::string text;  // e.g. "as of 2022-09-30: forecast after"
};

// The options of a chart over dates: the value axis titled with its unit, from zero, stacked
// or not; the legend at the right; the tooltip shows every series of the day.
nlohmann::json time_chart_options(const std::string& unit, bool stacked = false);

// A line chart of one band over `dates`, the marker's later days shaded.
nlohmann::json band_chart_config(const std::vector<std::string>& dates, const BandSeries& s, const std::string& unit,
                                 const DayMarker& marker);

// A horizontal chart of totals: summary.json's {"total": label, "interval": {"median", "50%", "90%"}}.
nlohmann::json totals_chart_config(const std::vector<JsonInput>& totals, const std::string& unit);

// Σ of a band's medians over its days: how pages rank places.
double median_sum(const BandSeries& s);

// The series `keep` accepts whose medians sum above zero, the largest sum first, at most `most`.
std::vector<const BandSeries*> largest_bands(const BandTable& t, const std::function<bool(const BandSeries&)>& keep,
                                             std::size_t most);

}  // namespace exodus
