#pragma once
// An exodus scenario: who may leave (origin regions and their pools), where to (destinations),
// by which ways (roads to checkpoints with finite throughput, flights with seats), what drives
// them (a dated hazard) and what changes on the way (dated policy events). Immutable once
// read; the exodus rule set runs it.
#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "exodus/core/date.h"
#include "exodus/world/parameter_prior.h"
#include "exodus/world/reports.h"

namespace exodus {

// Classes of people: eligible for the draft or not, able to fly (means) or not.
enum PersonClass : std::uint8_t {
  kEligibleFlyer = 0,
  kEligibleRoad = 1,
  kOtherFlyer = 2,
  kOtherRoad = 3,
  kClassCount = 4,
};
inline bool is_eligible(std::uint8_t c) { return c == kEligibleFlyer || c == kEligibleRoad; }
inline bool can_fly(std::uint8_t c) { return c == kEligibleFlyer || c == kOtherFlyer; }

struct Region {
  std::string name;
  double latitude = 0, longitude = 0;
  double eligible_pool = 0;      // draft-eligible people (reservists)
  double other_pool = 0;         // others who may leave (family, non-eligible men)
  double share_can_fly = 0;      // share with the means to buy a ticket
  double hazard_multiplier = 1;  // regional intensity of the call-up
};

// A kind of leaver: people who leave for one reason and on one clock (a summons in hand, fear
// of the next wave, a job moving abroad), each with its share of every region's pools, its
// shock and decay, its tolerance of queues and the destinations it may go to (leavers.csv).
struct LeaverKind {
  std::string name;
  double share = 1;                  // of every region's eligible and other pools
  double shock_hazard = 0;           // extra daily chance of deciding on the shock day
  double shock_decay_days = 6;       // its e-folding time
  double wait_tolerance_days = 3;    // median longest queue they join, in days of service
  double wait_tolerance_spread = 0;  // log-sd of that tolerance across people (0: all alike)
  std::vector<std::size_t> destinations;  // where they may go; empty: anywhere
  std::string rests_on;              // what the kind's numbers rest on (its source and assumption)
};

struct Destination {
  std::string name;  // a country
  // A point standing for it on maps (its capital, say); NaN when the scenario gives none. The
  // rules never read it: a destination is reached through its checkpoints and flights.
  double latitude = std::numeric_limits<double>::quiet_NaN(), longitude = std::numeric_limits<double>::quiet_NaN();
  double attractiveness = 0;    // utility of ending there (visa rules, language, cost)
  double onward_share = 0;      // share who move on within days (transit)
  double onward_days = 7;       // mean days before moving on
  double return_share = 0;      // share who return to the origin eventually
  double return_days = 60;      // mean days abroad before returning
  double baseline_air_per_day = 0;  // ordinary travellers arriving by air each day
  double ordinary_stay_days = 7;    // mean stay of ordinary travellers: they leave at 1/stay a day
  // Where leavers who move on go next, when the scenario has it (entered there too, as the real
  // record counts a transit twice); empty: out of the scenario.
  std::vector<std::size_t> onward_to;
  std::string official_counts;  // "yes" when the state publishes entries
  std::vector<std::string> groups;  // e.g. "EU": targets and reports may name a group
};

struct Checkpoint {
  std::string name;
  std::size_t destination = 0;  // index into destinations
  double latitude = 0, longitude = 0;
  double vehicles_per_day = 0;     // processing capacity
  double persons_per_vehicle = 1;  // occupancy of a queued vehicle
  double baseline_per_day = 0;     // ordinary travellers entering the queue each day
  double lanes = 1;                // lanes a queue of vehicles stands in
  double metres_per_vehicle = 7;   // road a standing vehicle takes: its length and the gap
  // Ordinary traffic by day of the week, Monday first, as factors of baseline_per_day (mean 1).
  std::array<double, 7> weekly_profile{1, 1, 1, 1, 1, 1, 1};
  bool open = true;
  bool counted = true;  // false: nobody counts crossings (e.g. an uncontrolled border)
  double persons_per_day() const { return vehicles_per_day * persons_per_vehicle; }
  double queue_km(double vehicles) const { return vehicles * metres_per_vehicle / lanes / 1000.0; }
};

struct Flight {
  std::size_t region = 0;       // departing from
  std::size_t destination = 0;  // arriving in
  double seats_per_day = 0;     // seats available to leavers
  double base_price = 0;        // price before the shock, in euros
};

enum class EventKind {
  kHazardScale,    // target: region or ALL; value multiplies the decision hazard
  kClose,          // target: checkpoint
  kReopen,         // target: checkpoint
  kThroughput,     // target: checkpoint; value multiplies its capacity
  kApproachLimit,  // target: checkpoint; at most value persons/day may join its queue
  kExitRefusal,    // target: checkpoint or ALL; share of eligible refused exit
  kEntryBan,       // target: destination; share of leavers refused entry
  kSeats,          // target: destination; value multiplies flight seats to it
  kReturnScale,    // target: destination or ALL; value multiplies the return rate
  kOrdinaryScale,  // target: checkpoint, destination or ALL; value multiplies ordinary travellers arriving
  kOrdinaryRefusal,  // target: destination or ALL; share of ordinary travellers refused entry
};

struct Event {
  std::size_t line = 0;
  Date date;
  std::int32_t day = 0;      // offset from the scenario start
  std::int32_t end_day = -1; // last day it acts (inclusive); -1: until the end
  EventKind kind = EventKind::kHazardScale;
  std::string target;  // as written
  std::int32_t index = -1;  // resolved region/checkpoint/destination; -1 = ALL
  bool on_destination = false;  // ordinary_scale: index is a destination, not a checkpoint
  double value = 1;
  std::string note;
};

// Behaviour parameters, with the values the scenario gives (scenario.yaml `parameters`).
struct ScenarioParameters {
  double base_hazard = 2e-5;        // daily chance of deciding to leave before the shock
  double shock_hazard = 3e-3;       // extra daily chance on the shock day
  double shock_decay_days = 6;      // e-folding time of the shock
  double other_hazard_ratio = 0.1;  // others' hazard relative to the eligible
  double road_speed_km_per_day = 700;
  double road_detour = 1.3;         // road km per great-circle km
  double choice_temperature = 1.0;  // logit scale: utilities are divided by it
  double weight_travel_day = 0.5;   // utility lost per day of travel
  double weight_wait_day = 0.8;     // utility lost per day of expected queue wait
  double weight_price_100 = 0.3;    // utility lost per 100 euros of ticket price
  double price_elasticity = 1.5;    // price rise per unit of yesterday's over-demand
  std::int32_t information_lag_days = 1;  // queue news reaches people this late
  double refused_retry_share = 0.5; // refused at a border: share who try another way
  double balk_wait_days = 3;        // median longest queue people join, in days of service
  double balk_wait_spread = 0;      // log-sd of that tolerance across people (0: all alike)
};

struct Target {
  std::size_t line = 0;
  std::string id, metric, place;
  Date window_start, window_end;
  double value = 0, low = 0, high = 0;  // pass when low <= simulated <= high
  std::string source;
  std::string counts;  // what the figure counts ("entries, all travellers"; "departures, leavers")
  // The target as the report it is (what it measures, where, over which days), so that the
  // observation model simulates it as it does any published figure.
  Report report;
};

// How many people an agent may stand for (run/people_per_agent.h): 1 (each person an agent) to
// 1000, past which a run's counts would be mostly noise.
inline constexpr double kMostPeoplePerAgent = 1000;
inline bool people_per_agent_allowed(double k) { return k >= 1 && k <= kMostPeoplePerAgent; }
// What is wrong with people per agent `given` (as written) that is not allowed.
inline std::string people_per_agent_problem(const std::string& given) {
  return "must be 1 to " + std::to_string(static_cast<int>(kMostPeoplePerAgent)) + ", not " + given;
}

struct Scenario {
  std::string name, description, folder;
  Date start_date, end_date, shock_date;
  std::int32_t days = 0;        // end - start + 1
  std::int32_t shock_day = 0;   // shock - start
  std::uint64_t seed = 1;
  // How many people an agent stands for in a calibration's members unless --people-per-agent
  // says otherwise (run/people_per_agent.h): a large scenario's choice of cost against noise.
  double calibration_people_per_agent = 1;
  ScenarioParameters parameters;
  // Empty: one kind of leaver, from the parameters (leaver_kinds_of below).
  std::vector<LeaverKind> leaver_kinds;
  std::vector<Region> regions;
  std::vector<Destination> destinations;
  std::vector<Checkpoint> checkpoints;
  std::vector<Flight> flights;
  std::vector<Event> events;  // sorted by day
  std::vector<Target> targets;
  // Published figures the run is held against with their kinds' error model (scenario.yaml
  // `reports`: reports files, relative to the folder).
  std::vector<ReportSet> reports;
  // What the scenario does not know, and how unsure it is (priors.csv): what a calibration varies.
  std::vector<ParameterPrior> priors;
};

// The scenario's kinds of leaver: its leavers.csv, or one kind from its parameters
// (shock_hazard, shock_decay_days, balk_wait_days, balk_wait_spread), made when asked so that a
// parameter set later (a calibration's) is the one used.
inline std::vector<LeaverKind> leaver_kinds_of(const Scenario& s) {
  if (!s.leaver_kinds.empty()) return s.leaver_kinds;
  const auto& p = s.parameters;
  LeaverKind k;
  k.name = "all";
  k.shock_hazard = p.shock_hazard;
  k.shock_decay_days = p.shock_decay_days;
  k.wait_tolerance_days = p.balk_wait_days;
  k.wait_tolerance_spread = p.balk_wait_spread;
  k.rests_on = "the scenario's parameters";
  return {k};
}

}  // namespace exodus
