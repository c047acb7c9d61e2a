#pragma once
// What happened on one simulated day of the exodus rule set: the recorder's input.
#include <vector>

namespace exodus {

struct ExodusDay {
  // Per destination.
  std::vector<double> entries;          // everyone a border count sees: leavers and ordinary travellers
  std::vector<double> entries_leavers;  // leavers only
  std::vector<double> onward;           // leavers moving on to a third country
  std::vector<double> returns;          // leavers going home
  std::vector<double> stock_leavers;    // leavers present at the end of the day
  // Per checkpoint.
  std::vector<double> joined;           // leavers joining the queue
  std::vector<double> turned_away;      // leavers stopped before the queue (approach limits)
  std::vector<double> processed;        // persons served, ordinary travellers included
  std::vector<double> processed_leavers;
  std::vector<double> refused;          // leavers refused exit or entry after queueing
  std::vector<double> queue_persons;    // at the end of the day
  std::vector<double> queue_vehicles;
  std::vector<double> wait_mean_hours;  // of persons served today
  std::vector<double> wait_max_hours;
  std::vector<double> capacity;         // persons per day today
  // Per flight route.
  std::vector<double> flight_demand, flight_flown, flight_price;
  // Totals.
  double deciders = 0;    // people deciding to leave today
  double departures = 0;  // leavers entering a destination today
  double gave_up = 0;     // leavers who went home without crossing
};

}  // namespace exodus
