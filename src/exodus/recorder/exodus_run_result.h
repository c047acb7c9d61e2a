#pragma once
// The record of one whole run of the exodus rule set: its daily series and what it cost.
#include <cstdint>

#include "exodus/recorder/series_table.h"

namespace exodus {

struct ExodusRunResult {
  SeriesTable series;  // every place's daily metrics (recorder/exodus_recorder.h)
  std::int32_t days_run = 0;
  bool interrupted = false;
  double wall_seconds = 0;
  std::size_t leavers = 0;  // agents created
  double pool_left = 0;
};

}  // namespace exodus
