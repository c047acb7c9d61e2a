#include "exodus/observe/report_coverage.h"

namespace exodus {

ReportDays report_days(const Report& r, Date start, std::int32_t shock_day) {
  return {r.window_start ? *r.window_start - start : shock_day, r.window_end - start};
}

}  // namespace exodus
