#pragma once
// forecast.csv: the bands of every daily series of a population of runs, one row per day and
// series. `exodus calibrate` writes it for its posterior, `exodus run --members` for an ensemble.
#include <string>

#include "exodus/infer/posterior_runs.h"
#include "exodus/recorder/series_table.h"

namespace exodus {

// `layout`: one member's record (every member's has the same series and days).
std::string forecast_csv(const SeriesTable& layout, const ForecastBands& bands);

}  // namespace exodus
