#pragma once
// Which days a report speaks of, on a frame of days that starts at `start`: from its
// window_start (or, when it gives none, from the shock: "since the mobilisation") to its
// window_end, both inclusive. The estimate's weights and a run's expected figures both use it.
#include <cstdint>

#include "exodus/core/date.h"
#include "exodus/world/reports.h"

namespace exodus {

struct ReportDays {
  std::int32_t first = 0, last = 0;  // day offsets from the frame's start; may lie outside it
  // The days inside a frame of `days` days, [first, last] clipped; empty when none.
  std::int32_t clipped_first() const { return first < 0 ? 0 : first; }
  std::int32_t clipped_last(std::int32_t days) const { return last >= days ? days - 1 : last; }
  bool overlaps(std::int32_t days) const { return last >= 0 && first < days && first <= last; }
  bool inside(std::int32_t days) const { return first >= 0 && last < days && first <= last; }
};

ReportDays report_days(const Report& r, Date start, std::int32_t shock_day);

// A figure given per day (unit persons_per_day) is the mean over its days, not their sum.
inline bool is_daily_mean(const Report& r) { return r.unit == "persons_per_day"; }

}  // namespace exodus
