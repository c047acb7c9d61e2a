#pragma once
// What happened on one simulated day of the exodus rule set: the recorder's input. Metrics that
// a published figure can speak of carry the reports format's names (entries, exits,
// net_arrivals, stock, queue_vehicles, queue_km, wait_hours), so that a report and its
// simulated counterpart share one name.
#include <vector>

namespace exodus {

struct ExodusDay {
  // Per kind of leaver.
  std::vector<double> kind_deciders, kind_departures;
  // Per destination.
  std::vector<double> entries;          // everyone a border count sees: leavers and ordinary travellers
  std::vector<double> entries_leavers;  // leavers entering from the origin (their first crossing)
  std::vector<double> onward_in;        // leavers arriving from another destination (in entries too)
  std::vector<double> onward;           // leavers moving on to a third country
  std::vector<double> returns;          // leavers going home
  std::vector<double> exits;            // everyone leaving: leavers moving on or home, ordinary travellers
  std::vector<double> net_arrivals;     // leavers: entries_leavers + onward_in - onward - returns
  std::vector<double> stock;            // leavers present at the end of the day
  // Per checkpoint.
  std::vector<double> joined;           // leavers joining the queue
  std::vector<double> turned_away;      // leavers stopped before the queue (closures, approach limits, balking)
  std::vector<double> processed;        // persons served, ordinary travellers included
  std::vector<double> processed_leavers;
  std::vector<double> refused;          // leavers refused exit or entry after queueing
  std::vector<double> refused_ordinary; // ordinary travellers refused entry after queueing
  std::vector<double> checkpoint_entries;  // persons admitted: processed less those refused
  std::vector<double> queue_persons;    // at the end of the day
  std::vector<double> queue_vehicles;
  std::vector<double> queue_km;         // the vehicles' length of road
  std::vector<double> wait_hours;       // the longest wait of persons served today
  std::vector<double> wait_median_hours;  // the wait half of today's crossers exceeded
  std::vector<double> capacity;         // persons per day today
  // Per road, region × checkpoint (region * checkpoints + checkpoint).
  std::vector<double> set_off;          // leavers setting off from the region towards the checkpoint
  // Per flight route.
  std::vector<double> flight_demand, flight_flown, flight_price;
  // Totals.
  double deciders = 0;    // people deciding to leave today
  double departures = 0;  // leavers entering a destination today
  double gave_up = 0;     // leavers who went home without crossing
};

}  // namespace exodus
