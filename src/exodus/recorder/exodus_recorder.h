#pragma once
// Records, after each day of the exodus rule set, what it counted (sim/exodus/exodus_day.h)
// into named daily series (recorder/series_table.h). The names given here are the ones
// daily.csv, reports and targets use.
#include "exodus/recorder/series_table.h"
#include "exodus/sim/exodus/exodus_day.h"
#include "exodus/world/scenario.h"

namespace exodus {

class ExodusRecorder {
 public:
  explicit ExodusRecorder(const Scenario& scenario);
  // Daily series a run of `scenario` records (daily.csv has one row per series and day), split
  // by the place kinds that contribute them, so that a run can be sized before it starts.
  struct SeriesCount {
    std::size_t totals = 0, destinations = 0, checkpoints = 0, flights = 0, roads = 0;
    std::size_t all() const { return totals + destinations + checkpoints + flights + roads; }
  };
  static SeriesCount series_count(const Scenario& scenario);
  void record(const ExodusDay& day);
  const SeriesTable& table() const { return table_; }
  SeriesTable take() { return std::move(table_); }

 private:
  struct Slot {
    std::size_t series;
    const std::vector<double> ExodusDay::*per_place;  // null for a total
    const double ExodusDay::*total;
    std::size_t index;
  };
  SeriesTable table_;
  std::vector<Slot> slots_;
};

}  // namespace exodus
