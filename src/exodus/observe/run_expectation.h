#pragma once
// The observation model for simulations: what a report would say of a scenario run, read from
// the run's daily series (recorder/series_table.h), with the same coverage of days and places
// as for the estimate's latent flows (observe/report_coverage.h, world/places.h):
//   entries       Σ over its days of entries into the destinations it names (leavers and
//                 ordinary travellers); at a checkpoint, the persons its border post processed
//   departures    Σ of leavers entering the destinations it names (ALL: every destination)
//   stock         leavers present in those destinations at the end of its window
//   queue_persons, queue_vehicles, wait_hours
//                 the peak over its days at the checkpoint it names (waits: the longest wait
//                 of anyone served that day)
// A figure per day (unit persons_per_day) is the mean over its days. Exits and net arrivals
// are not simulated figures yet: the rule set does not record ordinary travellers leaving.
#include <optional>
#include <string>

#include "exodus/core/date.h"
#include "exodus/recorder/series_table.h"
#include "exodus/world/places.h"
#include "exodus/world/reports.h"

namespace exodus {

struct RunExpectation {
  bool ok = false;
  double value = 0;
  std::string why_not;  // when !ok: why the run cannot say
};

RunExpectation expected_in_run(const Report& r, const PlaceCatalog& places, Date shock, const SeriesTable& run);

// Why no run of a scenario of `days` days from `start` can give the figure (the why_not of
// expected_in_run), or nullopt when every run can: it depends on the figure and the scenario's
// places and dates alone, so a calibration knows before it samples whether anything can be fitted.
std::optional<std::string> run_cannot_say(const Report& r, const PlaceCatalog& places, Date start, Date shock, std::int32_t days);

}  // namespace exodus
