#include "exodus/recorder/exodus_recorder.h"

#include "exodus/world/scenario_registry.h"
#include "exodus/world/places.h"

namespace exodus {

namespace {

using PerPlace = std::vector<double> ExodusDay::*;
struct Metric {
  const char* name;
  PerPlace series;
};

// Each place kind's metrics, in daily.csv's order.
const std::pair<const char*, const double ExodusDay::*> kTotals[] = {
    {"deciders", &ExodusDay::deciders}, {"departures", &ExodusDay::departures}, {"gave_up", &ExodusDay::gave_up}};
const Metric kLeaverKind[] = {{"deciders", &ExodusDay::kind_deciders}, {"departures", &ExodusDay::kind_departures}};
const Metric kDestination[] = {{"entries", &ExodusDay::entries},
                               {"entries_leavers", &ExodusDay::entries_leavers},
                               {"onward_in", &ExodusDay::onward_in},
                               {"onward", &ExodusDay::onward},
                               {"returns", &ExodusDay::returns},
                               {"exits", &ExodusDay::exits},
                               {"net_arrivals", &ExodusDay::net_arrivals},
                               {"stock", &ExodusDay::stock}};
const Metric kCheckpoint[] = {{"joined", &ExodusDay::joined},
                              {"turned_away", &ExodusDay::turned_away},
                              {"processed", &ExodusDay::processed},
                              {"processed_leavers", &ExodusDay::processed_leavers},
                              {"refused", &ExodusDay::refused},
                              {"refused_ordinary", &ExodusDay::refused_ordinary},
                              {"entries", &ExodusDay::checkpoint_entries},
                              {"queue_persons", &ExodusDay::queue_persons},
                              {"queue_vehicles", &ExodusDay::queue_vehicles},
                              {"queue_km", &ExodusDay::queue_km},
                              {"wait_hours", &ExodusDay::wait_hours},
                              {"wait_median_hours", &ExodusDay::wait_median_hours},
                              {"capacity", &ExodusDay::capacity}};
const Metric kFlight[] = {
    {"demand", &ExodusDay::flight_demand}, {"flown", &ExodusDay::flight_flown}, {"price", &ExodusDay::flight_price}};
// Roads are every region with every checkpoint: the map's lines from origins to borders.
const Metric kRoad[] = {{"set_off", &ExodusDay::set_off}};

}  // namespace

ExodusRecorder::SeriesCount ExodusRecorder::series_count(const Scenario& s) {
  return {std::size(kTotals) + leaver_kinds_of(s).size() * std::size(kLeaverKind), s.destinations.size() * std::size(kDestination),
          s.checkpoints.size() * std::size(kCheckpoint), s.flights.size() * std::size(kFlight),
          s.regions.size() * s.checkpoints.size() * std::size(kRoad)};
}

ExodusRecorder::ExodusRecorder(const Scenario& s) : table_(s.start_date) {
  for (const auto& [name, total] : kTotals)
    slots_.push_back({table_.add(PlaceKind::kTotal, kAllPlaces, 0, name), nullptr, total, 0});
  const auto places = [&](PlaceKind kind, std::size_t count, auto&& name_of, const auto& metrics) {
    for (std::size_t i = 0; i < count; ++i)
      for (const auto& m : metrics) slots_.push_back({table_.add(kind, name_of(i), i, m.name), m.series, nullptr, i});
  };
  const auto kinds = leaver_kinds_of(s);
  places(PlaceKind::kLeaverKind, kinds.size(), [&](std::size_t i) { return kinds[i].name; }, kLeaverKind);
  places(PlaceKind::kDestination, s.destinations.size(), [&](std::size_t i) { return s.destinations[i].name; },
         kDestination);
  places(PlaceKind::kCheckpoint, s.checkpoints.size(), [&](std::size_t i) { return s.checkpoints[i].name; },
         kCheckpoint);
  places(PlaceKind::kFlight, s.flights.size(), [&](std::size_t i) { return flight_key(s, s.flights[i]); }, kFlight);
  const std::size_t checkpoints = s.checkpoints.size();
  places(PlaceKind::kRoad, s.regions.size() * checkpoints,
         [&](std::size_t i) { return s.regions[i / checkpoints].name + " -> " + s.checkpoints[i % checkpoints].name; }, kRoad);
}

void ExodusRecorder::record(const ExodusDay& day) {
  auto& series = table_.series();
  for (const auto& slot : slots_)
    series[slot.series].values.push_back(slot.per_place ? (day.*slot.per_place)[slot.index] : day.*slot.total);
}

}  // namespace exodus
