#include "exodus/world/scenario_hazard.h"

#include <gtest/gtest.h>

namespace exodus {
namespace {

Event hazard_event(std::int32_t day, std::int32_t end_day, std::int32_t region, double value) {
  Event e;
  e.kind = EventKind::kHazardScale;
  e.day = day;
  e.end_day = end_day;
  e.index = region;
  e.value = value;
  return e;
}

TEST(HazardEventScales, MultipliesTheEventsActingOnEachRegionEachDay) {
  Scenario s;
  s.days = 6;
  s.regions.resize(2);
  s.events = {hazard_event(0, 4, -1, 2.0),   // ALL, days 0-4
              hazard_event(1, -1, 0, 5.0),   // region 0 from day 1 on
              hazard_event(2, 2, -1, 0.5),   // ALL, day 2 only
              hazard_event(3, -1, 1, 3.0)};  // region 1 from day 3 on
  Event closure;
  closure.kind = EventKind::kClose;  // not a hazard event: no effect on the scale
  closure.index = 0;
  closure.value = 100;
  s.events.insert(s.events.begin() + 1, closure);
  const HazardEventScales scales(s);
  const double region0[] = {2, 10, 5, 10, 10, 5};
  const double region1[] = {2, 2, 1, 6, 6, 3};
  for (std::int32_t d = 0; d < 6; ++d) {
    EXPECT_DOUBLE_EQ(scales.at(0, d), region0[d]) << "day " << d;
    EXPECT_DOUBLE_EQ(scales.at(1, d), region1[d]) << "day " << d;
  }
}

}  // namespace
}  // namespace exodus
