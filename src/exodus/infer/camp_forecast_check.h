#pragma once
// How a camp forecast made as of a day fared on the days after it, where the case's validation
// data goes on: Flee's ARD of the forecast's median over those days (score/flee_score.h, the
// figure Flee's users know), and how often the camps' data fell inside the 50% and 90% bands.
#include <cstdint>
#include <vector>

#include "exodus/infer/camp_bands.h"
#include "exodus/recorder/camp_table.h"

namespace exodus {

struct CampForecastCheck {
  std::int32_t first_day = 0, last_day = -1;  // the days checked (none when last < first)
  double ard = 0;                             // mean of Flee's E(t) over them
  std::size_t camp_days = 0;                  // observed camps × days checked
  double coverage50 = 0, coverage90 = 0;      // shares of those camp-days inside the bands
};

// A table of the camps' medians (rounded) with the case's data beside them: out.csv of the
// forecast. The data columns are the runs' own (every run of a case has the same); agents and
// refugee debt are the members' weighted medians.
CampTable median_table(const CampBands& bands, const std::vector<const CampTable*>& runs, const std::vector<double>& weights);

// Flee's ARD of `table` over days [first_day, table.days()).
double ard_from(const CampTable& table, std::int32_t first_day);

// `observed[c]`: whether camp c has validation data (only those are checked for coverage).
CampForecastCheck check_camp_forecast(const CampBands& bands, const CampTable& median, const std::vector<bool>& observed,
                                      std::int32_t first_day);

}  // namespace exodus
