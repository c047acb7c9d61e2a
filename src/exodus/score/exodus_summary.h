#pragma once
// The figures a scenario run is summed up by, computed once from its record and then written
// to summary.json and printed as the run's table (output/exodus_outputs.h).
#include <array>
#include <string>
#include <vector>

#include "exodus/recorder/series_table.h"
#include "exodus/world/scenario.h"

namespace exodus {

// Totals over the first N days from the shock on (the shock day is day 1).
inline constexpr std::array<int, 4> kDaysAfterShock = {7, 14, 30, 100};

struct Peak {
  double value = 0;
  std::size_t day = 0;  // the first day it was reached
};

struct DestinationSummary {
  std::string name;
  double entries = 0, entries_leavers = 0, onward_in = 0, onward = 0, returns = 0, exits = 0, net_arrivals = 0,
         stock_at_end = 0;
  std::array<double, kDaysAfterShock.size()> leavers_after_shock{};  // entries_leavers
};

struct LeaverKindSummary {
  std::string name, rests_on;
  double deciders = 0, departures = 0;
};

struct CheckpointSummary {
  std::string name;
  double processed = 0, refused = 0, turned_away = 0;
  Peak queue_vehicles, queue_km;
  Peak wait_hours;                 // the longest wait of a day's crossers, on its worst day
  double wait_median_on_peak = 0;  // the median wait that day: what most crossers saw
  double capacity_on_peak = 0;     // persons a day it could serve that day
};

struct ExodusRunSummary {
  std::size_t days = 0;
  double departures = 0, onward = 0, returns = 0, gave_up = 0;
  std::array<double, kDaysAfterShock.size()> departures_after_shock{};
  // Departures from the start to the end of each calendar month the run covers.
  std::vector<std::pair<Date, double>> departures_by_month_end;
  std::vector<LeaverKindSummary> kinds;
  std::vector<DestinationSummary> destinations;
  std::vector<CheckpointSummary> checkpoints;
};

ExodusRunSummary summarize_exodus_run(const Scenario& s, const SeriesTable& record);

}  // namespace exodus
