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
