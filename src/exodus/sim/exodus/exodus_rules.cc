#include "exodus/sim/exodus/exodus_rules.h"

#include <algorithm>
#include <cmath>
#include <random>

#include "exodus/core/alias_table.h"
#include "exodus/core/geo.h"
#include "exodus/world/scenario_hazard.h"

namespace exodus {

namespace {

constexpr double kClosedWaitDays = 30;  // what people "hear" of a closed checkpoint
// Streams of the rule set's draws, tagged so that no two uses share numbers. Under
// RandomPurpose::kSpawn (a = day, b = tag + index):
constexpr std::uint32_t kDecisionStream = 0x10000;  // a pool's leavers today and their corridors
constexpr std::uint32_t kSeatStream = 0x20000;      // which of a flight's buyers get a seat
// Under RandomPurpose::kAgentDay (a = agent, b = day | tag; tag 0: a scheduled onward move's
// next destination, fate there and day of going home):
constexpr std::uint32_t kBorderStream = 0x10000;    // refusal of exit or entry at a checkpoint
constexpr std::uint32_t kFateStream = 0x20000;      // on crossing: stays, moves on or returns, and when
constexpr std::uint32_t kRerouteStream = 0x30000;   // after a refusal: another way, or home
// Under RandomPurpose::kAgentDay with b = the tag alone: a person's own, lasting traits.
constexpr std::uint32_t kToleranceStream = 0x40000;  // the longest queue they will join

// A destination's daily chance of a leaver there going home: 1/return_days times the
// return_scale events acting that day (ALL or this destination). It changes only on the days
// an event starts or ends, so one sweep over those days builds it: the product of the acting
// values is kept as a count of zeros and a sum of logs, so that a day costs nothing per event
// acting (a scenario may hold 100,000 events).
DailyChance return_chance(const Scenario& s, std::size_t destination) {
  struct Change {
    std::int32_t day;
    double value;
    int sign;  // +1: starts acting, -1: stops
  };
  std::vector<Change> changes;
  for (const auto& e : s.events)
    if (e.kind == EventKind::kReturnScale && (e.index < 0 || static_cast<std::size_t>(e.index) == destination)) {
      changes.push_back({e.day, e.value, +1});
      if (e.end_day >= 0) changes.push_back({e.end_day + 1, e.value, -1});
    }
  std::stable_sort(changes.begin(), changes.end(), [](const Change& a, const Change& b) { return a.day < b.day; });
  const double base = 1.0 / s.destinations[destination].return_days;
  DailyChance chance(base);
  int zeros = 0;
  double log_scale = 0;
  for (std::size_t i = 0; i < changes.size();) {
    const std::int32_t day = std::max(0, changes[i].day);
    for (; i < changes.size() && std::max(0, changes[i].day) == day; ++i) {
      if (changes[i].value <= 0)
        zeros += changes[i].sign;
      else
        log_scale += changes[i].sign * std::log(changes[i].value);
    }
    if (day >= s.days) break;
    chance.add_stretch(day, zeros > 0 ? 0.0 : base * std::exp(log_scale));
  }
  return chance;
}

}  // namespace

ExodusRules::ExodusRules(const Scenario& s, std::uint64_t seed)
    : scenario_(s),
      seed_(seed),
      regions_(s.regions.size()),
      destinations_(s.destinations.size()),
      checkpoints_(s.checkpoints.size()),
      flights_(s.flights.size()),
      kinds_(leaver_kinds_of(s)),
      hazard_events_(s) {
  const std::size_t kinds = kinds_.size();
  kind_goes_to_.assign(kinds * destinations_, 1);
  for (std::size_t k = 0; k < kinds; ++k)
    if (!kinds_[k].destinations.empty()) {
      std::fill_n(kind_goes_to_.begin() + static_cast<std::ptrdiff_t>(k * destinations_), destinations_, 0);
      for (const auto d : kinds_[k].destinations) kind_goes_to_[k * destinations_ + d] = 1;
    }
  pool_.resize(regions_ * kinds);
  for (std::size_t r = 0; r < regions_; ++r) {
    const auto& g = s.regions[r];
    for (std::size_t k = 0; k < kinds; ++k) {
      auto& pool = pool_[r * kinds + k];
      const auto split = [&](double people, std::uint8_t flyer, std::uint8_t road) {
        const double share = people * kinds_[k].share;
        const auto flyers = static_cast<std::int64_t>(std::llround(share * g.share_can_fly));
        pool[flyer] = flyers;
        pool[road] = static_cast<std::int64_t>(std::llround(share)) - flyers;
      };
      split(g.eligible_pool, kEligibleFlyer, kEligibleRoad);
      split(g.other_pool, kOtherFlyer, kOtherRoad);
    }
  }
  arriving_.resize(static_cast<std::size_t>(s.days) + 1);
  queues_.resize(checkpoints_);
  wait_days_kept_ = static_cast<std::size_t>(std::max(0, s.parameters.information_lag_days)) + 1;
  reported_wait_days_.assign(checkpoints_ * wait_days_kept_, 0.0);
  region_km_.resize(regions_ * checkpoints_);
  for (std::size_t r = 0; r < regions_; ++r)
    for (std::size_t c = 0; c < checkpoints_; ++c)
      region_km_[r * checkpoints_ + c] =
          great_circle_km(s.regions[r].latitude, s.regions[r].longitude, s.checkpoints[c].latitude,
                          s.checkpoints[c].longitude) * s.parameters.road_detour;
  for (const auto& c : s.checkpoints) checkpoint_points_.push_back(SpherePoint::of(c.latitude, c.longitude));
  if (checkpoints_ <= kCheckpointKmTableMax) {
    std::vector<double> table(checkpoints_ * checkpoints_);
    for (std::size_t a = 0; a < checkpoints_; ++a)
      for (std::size_t b = 0; b < checkpoints_; ++b) table[a * checkpoints_ + b] = checkpoint_km(a, b);
    checkpoint_km_table_ = std::move(table);
  }
  flight_price_.resize(flights_);
  for (std::size_t f = 0; f < flights_; ++f) flight_price_[f] = s.flights[f].base_price;
  flight_demand_yesterday_.assign(flights_, 0);
  stock_.assign(destinations_, 0);
  // Ordinary travellers start in their steady state: as many leave a day as arrive.
  ordinary_stock_.assign(destinations_, 0);
  for (std::size_t d = 0; d < destinations_; ++d)
    ordinary_stock_[d] = s.destinations[d].baseline_air_per_day * s.destinations[d].ordinary_stay_days;
  for (const auto& cp : s.checkpoints)
    if (cp.open) ordinary_stock_[cp.destination] += cp.baseline_per_day * s.destinations[cp.destination].ordinary_stay_days;
  movers_.resize(static_cast<std::size_t>(std::max(0, s.days)));
  for (std::size_t d = 0; d < destinations_; ++d) {
    onward_chance_.emplace_back(1.0 / s.destinations[d].onward_days);
    return_chance_.push_back(return_chance(s, d));
  }
  onward_cumulative_.resize(destinations_);
  for (std::size_t d = 0; d < destinations_; ++d) {
    const auto& next = s.destinations[d].onward_to;
    if (next.empty()) continue;
    double top = -1e300;
    for (const auto n : next) top = std::max(top, s.destinations[n].attractiveness);
    double total = 0;
    for (const auto n : next)
      onward_cumulative_[d].push_back(total += std::exp((s.destinations[n].attractiveness - top) /
                                                        s.parameters.choice_temperature));
    for (auto& w : onward_cumulative_[d]) w /= total;
  }
  if (checkpoints_ * kinds_.size() <= kRerouteCacheMax) retry_.cache.resize(checkpoints_ * kinds_.size() * 2);
}

std::size_t ExodusRules::next_destination(std::size_t from, double u) const {
  const auto& cumulative = onward_cumulative_[from];
  const auto i = static_cast<std::size_t>(std::upper_bound(cumulative.begin(), cumulative.end(), u) - cumulative.begin());
  return scenario_.destinations[from].onward_to[std::min(i, cumulative.size() - 1)];
}

double ExodusRules::pool_left() const {
  double n = 0;
  for (const auto& p : pool_)
    for (auto v : p) n += static_cast<double>(v);
  return n;
}

double ExodusRules::checkpoint_km(std::size_t a, std::size_t b) const {
  if (!checkpoint_km_table_.empty()) return checkpoint_km_table_[a * checkpoints_ + b];
  return great_circle_km(checkpoint_points_[a], checkpoint_points_[b]) * scenario_.parameters.road_detour;
}

double ExodusRules::travel_days(std::size_t region, std::uint32_t checkpoint) const {
  return region_km_[region * checkpoints_ + checkpoint] / scenario_.parameters.road_speed_km_per_day;
}

void ExodusRules::apply_events(std::int32_t day) {
  open_.assign(checkpoints_, 0);
  for (std::size_t c = 0; c < checkpoints_; ++c) open_[c] = scenario_.checkpoints[c].open;
  throughput_scale_.assign(checkpoints_, 1.0);
  approach_limit_.assign(checkpoints_, -1.0);
  exit_refusal_.assign(checkpoints_, 0.0);
  entry_ban_.assign(destinations_, 0.0);
  seat_scale_.assign(destinations_, 1.0);
  ordinary_scale_checkpoint_.assign(checkpoints_, 1.0);
  ordinary_scale_air_.assign(destinations_, 1.0);
  ordinary_refusal_.assign(destinations_, 0.0);
  for (const auto& e : scenario_.events) {
    if (e.day > day) break;
    const bool active = e.end_day < 0 || day <= e.end_day;
    const auto for_each = [&](std::vector<double>& v, auto&& apply) {
      if (e.index < 0)
        for (auto& x : v) apply(x);
      else
        apply(v[static_cast<std::size_t>(e.index)]);
    };
    switch (e.kind) {
      case EventKind::kClose:
        open_[static_cast<std::size_t>(e.index)] = !active;
        break;
      case EventKind::kReopen:
        open_[static_cast<std::size_t>(e.index)] = 1;
        break;
      default:
        if (!active) break;
        switch (e.kind) {
          case EventKind::kThroughput: for_each(throughput_scale_, [&](double& x) { x *= e.value; }); break;
          case EventKind::kApproachLimit: for_each(approach_limit_, [&](double& x) { x = e.value; }); break;
          case EventKind::kExitRefusal: for_each(exit_refusal_, [&](double& x) { x = e.value; }); break;
          case EventKind::kEntryBan: for_each(entry_ban_, [&](double& x) { x = e.value; }); break;
          case EventKind::kSeats: for_each(seat_scale_, [&](double& x) { x *= e.value; }); break;
          // kReturnScale is tabled once, in return_chance_.
          case EventKind::kOrdinaryRefusal: for_each(ordinary_refusal_, [&](double& x) { x = e.value; }); break;
          case EventKind::kOrdinaryScale:
            if (e.index < 0) {
              for (auto& x : ordinary_scale_checkpoint_) x *= e.value;
              for (auto& x : ordinary_scale_air_) x *= e.value;
            } else if (e.on_destination) {
              ordinary_scale_air_[static_cast<std::size_t>(e.index)] *= e.value;
              for (std::size_t c = 0; c < checkpoints_; ++c)
                if (scenario_.checkpoints[c].destination == static_cast<std::size_t>(e.index))
                  ordinary_scale_checkpoint_[c] *= e.value;
            } else {
              ordinary_scale_checkpoint_[static_cast<std::size_t>(e.index)] *= e.value;
            }
            break;
          default: break;
        }
    }
  }
  // The utility terms of the chance of being let through, once a day rather than per choice.
  log_entry_allowed_.resize(destinations_);
  for (std::size_t d = 0; d < destinations_; ++d) log_entry_allowed_[d] = std::log1p(-entry_ban_[d]);
  log_exit_allowed_.resize(checkpoints_);
  for (std::size_t c = 0; c < checkpoints_; ++c) log_exit_allowed_[c] = std::log1p(-exit_refusal_[c]);
}

double ExodusRules::hazard(std::size_t region, std::size_t kind, std::uint8_t cls, std::int32_t day) const {
  // The hazard's events are tabled where the leaver forecast reads them too (world/scenario_hazard).
  return decision_hazard(scenario_, kinds_[kind], region, is_eligible(cls), day, hazard_events_.at(region, day));
}

double ExodusRules::wait_tolerance_days(std::uint32_t agent) const {
  const auto& k = kinds_[kind_[agent]];
  if (k.wait_tolerance_spread <= 0) return k.wait_tolerance_days;
  CounterRng rng(seed_, RandomPurpose::kAgentDay, agent, kToleranceStream);
  return k.wait_tolerance_days * std::exp(k.wait_tolerance_spread * standard_normal(rng));
}

void ExodusRules::options(std::size_t region, std::size_t kind, std::uint8_t cls, int from_checkpoint, int exclude,
                          std::int32_t day, std::vector<Option>& out) const {
  out.clear();
  const auto& p = scenario_.parameters;
  const auto lagged = day - p.information_lag_days;
  const auto ban_term = [&](std::size_t dest, double& u) {
    if (!kind_goes_to_[kind * destinations_ + dest]) return false;  // not where this kind goes
    const double ban = entry_ban_[dest];
    if (ban >= 1) return false;
    u += log_entry_allowed_[dest];
    return true;
  };
  for (std::uint32_t c = 0; c < checkpoints_; ++c) {
    if (!open_[c] || static_cast<int>(c) == exclude) continue;
    const auto& cp = scenario_.checkpoints[c];
    const double km = from_checkpoint < 0 ? region_km_[region * checkpoints_ + c]
                                          : checkpoint_km(static_cast<std::size_t>(from_checkpoint), c);
    double u = scenario_.destinations[cp.destination].attractiveness -
               p.weight_travel_day * km / p.road_speed_km_per_day;
    if (lagged >= 0)
      u -= p.weight_wait_day *
           reported_wait_days_[c * wait_days_kept_ + static_cast<std::size_t>(lagged) % wait_days_kept_];
    if (is_eligible(cls)) {
      if (exit_refusal_[c] >= 1) continue;
      u += log_exit_allowed_[c];
    }
    if (!ban_term(cp.destination, u)) continue;
    out.push_back({false, c, u});
  }
  if (from_checkpoint >= 0 || !can_fly(cls)) return;
  for (std::uint32_t f = 0; f < flights_; ++f) {
    const auto& fl = scenario_.flights[f];
    if (fl.region != region || fl.seats_per_day * seat_scale_[fl.destination] <= 0) continue;
    double u = scenario_.destinations[fl.destination].attractiveness - p.weight_travel_day * 0.5 -
               p.weight_price_100 * flight_price_[f] / 100.0;
    if (!ban_term(fl.destination, u)) continue;
    out.push_back({true, f, u});
  }
}

namespace {
// Logit weights: exp((U - max U) / temperature) per option, and their sum. Shifting by the
// largest utility keeps exp() in range and leaves the choice probabilities unchanged.
double logit_weights(const std::vector<double>& utilities, double temperature, std::vector<double>& weights) {
  double top = -1e300;
  for (double u : utilities) top = std::max(top, u);
  weights.resize(utilities.size());
  double total = 0;
  for (std::size_t i = 0; i < utilities.size(); ++i) total += weights[i] = std::exp((utilities[i] - top) / temperature);
  return total;
}

// Draws an index with probability proportional to its weight, `total` their sum.
std::size_t weighted_pick(const std::vector<double>& weights, double total, CounterRng& rng) {
  double x = rng.next_unit() * total;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (x < weights[i]) return i;
    x -= weights[i];
  }
  return weights.size() - 1;
}

// Logit choice: draws an option index with probability proportional to exp(U / temperature).
std::size_t logit_pick(const std::vector<double>& utilities, double temperature, CounterRng& rng,
                       std::vector<double>& scratch) {
  const double total = logit_weights(utilities, temperature, scratch);
  return weighted_pick(scratch, total, rng);
}
}  // namespace

std::uint32_t ExodusRules::new_agent(std::size_t region, std::size_t kind, std::uint8_t cls) {
  const auto id = static_cast<std::uint32_t>(state_.size());
  region_.push_back(static_cast<std::uint8_t>(region));
  kind_.push_back(static_cast<std::uint8_t>(kind));
  class_.push_back(cls);
  state_.push_back(kTravelling);
  fate_.push_back(kStays);
  destination_.push_back(0);
  checkpoint_.push_back(kFlight);
  arrival_.push_back(0);
  return id;
}

void ExodusRules::send_by_road(std::uint32_t agent, std::uint32_t checkpoint, double arrival_time) {
  state_[agent] = kTravelling;
  checkpoint_[agent] = static_cast<std::uint16_t>(checkpoint);
  destination_[agent] = static_cast<std::uint8_t>(scenario_.checkpoints[checkpoint].destination);
  arrival_[agent] = static_cast<float>(arrival_time);
  const auto day = static_cast<std::size_t>(std::floor(arrival_time));
  if (day < arriving_.size() - 1) arriving_[day].push_back(agent);  // beyond the end: never arrives
}

const ExodusRules::RerouteChoice& ExodusRules::reroute_choice(std::uint32_t agent, int checkpoint, std::int32_t day) {
  // Called from end_day and begin_day only (one thread): the cache and scratch are the rule set's.
  const auto eligible = static_cast<std::size_t>(is_eligible(class_[agent]));
  RerouteChoice* choice = &retry_.scratch;
  if (!retry_.cache.empty()) {  // sized in the constructor, up to kRerouteCacheMax
    const std::size_t key = (static_cast<std::size_t>(checkpoint) * kinds_.size() + kind_[agent]) * 2 + eligible;
    choice = &retry_.cache[key];
    if (choice->generation == retry_.generation) return *choice;
    choice->generation = retry_.generation;
  }
  // From a checkpoint neither the region nor flights count: the options are the same for every
  // leaver of this kind and class turned back here until what options() reads changes.
  options(region_[agent], kind_[agent], class_[agent], checkpoint, checkpoint, day, choice->options);
  retry_.utilities.clear();
  for (const auto& o : choice->options) retry_.utilities.push_back(o.utility);
  choice->total = logit_weights(retry_.utilities, scenario_.parameters.choice_temperature, choice->weights);
  return *choice;
}

void ExodusRules::retry_or_give_up(std::uint32_t agent, int checkpoint, double time, std::int32_t day) {
  CounterRng rng(seed_, RandomPurpose::kAgentDay, agent, static_cast<std::uint32_t>(day) | kRerouteStream);
  if (rng.next_unit() < scenario_.parameters.refused_retry_share) {
    const RerouteChoice& choice = reroute_choice(agent, checkpoint, day);
    const auto& opts = choice.options;
    if (!opts.empty()) {
      const auto& o = opts[weighted_pick(choice.weights, choice.total, rng)];
      const double km = checkpoint_km(static_cast<std::size_t>(checkpoint), o.index);
      // Diverted leavers reach the next checkpoint tomorrow at the earliest.
      send_by_road(agent, o.index, std::max(time + km / scenario_.parameters.road_speed_km_per_day, day + 1.0));
      return;
    }
  }
  state_[agent] = kGaveUp;
  today_.gave_up += 1;
}

void ExodusRules::cross(std::uint32_t agent, std::size_t destination, std::int32_t day) {
  CounterRng rng(seed_, RandomPurpose::kAgentDay, agent, static_cast<std::uint32_t>(day) | kFateStream);
  const auto& d = scenario_.destinations[destination];
  const double u = rng.next_unit();
  fate_[agent] = u < d.onward_share ? kMovesOn : (u < d.onward_share + d.return_share ? kReturns : kStays);
  state_[agent] = kAbroad;
  destination_[agent] = static_cast<std::uint8_t>(destination);
  if (fate_[agent] != kStays) schedule_move(agent, day, rng.next_unit());
  today_.entries[destination] += 1;
  today_.entries_leavers[destination] += 1;
  today_.departures += 1;
  today_.kind_departures[kind_[agent]] += 1;
  stock_[destination] += 1;
}

void ExodusRules::begin_day(std::int32_t day) {
  reset_today();
  apply_events(day);
  ++retry_.generation;  // today's events: reroutes are chosen afresh
  price_flights();
  std::vector<std::vector<std::uint32_t>> wants_flight(flights_);
  decide_departures(day, wants_flight);
  seat_flyers(day, wants_flight);
}

// Today's record, every count at zero.
void ExodusRules::reset_today() {
  today_ = ExodusDay{};
  today_.kind_deciders.assign(kinds_.size(), 0);
  today_.kind_departures.assign(kinds_.size(), 0);
  today_.entries.assign(destinations_, 0);
  today_.entries_leavers.assign(destinations_, 0);
  for (auto* v : {&today_.onward_in, &today_.onward, &today_.returns, &today_.exits, &today_.net_arrivals,
                  &today_.stock})
    v->assign(destinations_, 0);
  for (auto* v : {&today_.joined, &today_.turned_away, &today_.processed, &today_.processed_leavers,
                  &today_.refused, &today_.refused_ordinary, &today_.checkpoint_entries, &today_.queue_persons, &today_.queue_vehicles, &today_.queue_km,
                  &today_.wait_hours, &today_.wait_median_hours, &today_.capacity})
    v->assign(checkpoints_, 0);
  today_.set_off.assign(regions_ * checkpoints_, 0);
  today_.flight_demand.assign(flights_, 0);
  today_.flight_flown.assign(flights_, 0);
  today_.flight_price.assign(flights_, 0);
}

// Prices follow yesterday's demand against seats: what buyers see today.
void ExodusRules::price_flights() {
  const auto& p = scenario_.parameters;
  for (std::size_t f = 0; f < flights_; ++f) {
    const auto& fl = scenario_.flights[f];
    const double seats = fl.seats_per_day * seat_scale_[fl.destination];
    const double over = seats > 0 ? std::max(0.0, flight_demand_yesterday_[f] / seats - 1.0) : 0.0;
    flight_price_[f] = fl.base_price * (1.0 + p.price_elasticity * over);
    today_.flight_price[f] = flight_price_[f];
  }
}

// Decisions: binomial draws from each pool, then a corridor per leaver; those who chose a
// flight wait in wants_flight[flight] for a seat.
void ExodusRules::decide_departures(std::int32_t day, std::vector<std::vector<std::uint32_t>>& wants_flight) {
  const auto& p = scenario_.parameters;
  std::vector<Option> opts;
  std::vector<double> utilities, scratch;
  // Pools by region and kind (g = region * kinds + kind), each split by class.
  const std::size_t kinds = kinds_.size();
  for (std::size_t g = 0; g < pool_.size(); ++g) {
    const std::size_t r = g / kinds, kind = g % kinds;
    for (std::uint8_t k = 0; k < kClassCount; ++k) {
      auto& pool = pool_[g][k];
      const double h = hazard(r, kind, k, day);
      if (pool <= 0 || h <= 0) continue;
      CounterRng rng(seed_, RandomPurpose::kSpawn, static_cast<std::uint32_t>(day),
                     kDecisionStream + static_cast<std::uint32_t>(g * kClassCount + k));
      CounterUrbg urbg{rng};
      const std::int64_t n = std::binomial_distribution<std::int64_t>(pool, h)(urbg);
      if (n == 0) continue;
      options(r, kind, k, -1, -1, day, opts);
      if (opts.empty()) continue;  // nowhere to go today: they stay in the pool
      pool -= n;
      today_.deciders += static_cast<double>(n);
      today_.kind_deciders[kind] += static_cast<double>(n);
      utilities.clear();
      for (const auto& o : opts) utilities.push_back(o.utility);
      logit_weights(utilities, p.choice_temperature, scratch);
      AliasPool table;
      const auto t = table.add(scratch);
      for (std::int64_t i = 0; i < n; ++i) {
        const auto& o = opts[table.sample(t, rng)];
        const auto agent = new_agent(r, kind, k);
        // Departure at a uniform time of the day.
        const double leave = day + rng.next_unit();
        if (o.flight) {
          state_[agent] = kFlightPending;
          wants_flight[o.index].push_back(agent);
        } else {
          send_by_road(agent, o.index, leave + travel_days(r, o.index));
          today_.set_off[r * checkpoints_ + o.index] += 1;
        }
      }
    }
  }
}

// Flights: seats go to a uniform random subset of those who want them (selection sampling);
// the others take the road the same day.
void ExodusRules::seat_flyers(std::int32_t day, const std::vector<std::vector<std::uint32_t>>& wants_flight) {
  const auto& p = scenario_.parameters;
  std::vector<Option> opts;
  std::vector<double> utilities, scratch;
  for (std::size_t f = 0; f < flights_; ++f) {
    const auto& fl = scenario_.flights[f];
    const auto& want = wants_flight[f];
    const double demand = static_cast<double>(want.size());
    today_.flight_demand[f] = demand;
    flight_demand_yesterday_[f] = demand;
    auto seats = static_cast<std::int64_t>(fl.seats_per_day * seat_scale_[fl.destination]);
    CounterRng rng(seed_, RandomPurpose::kSpawn, static_cast<std::uint32_t>(day),
                   kSeatStream + static_cast<std::uint32_t>(f));
    std::int64_t remaining = static_cast<std::int64_t>(want.size());
    for (const auto agent : want) {
      const bool seated = seats > 0 && rng.next_unit() * static_cast<double>(remaining) < static_cast<double>(seats);
      --remaining;
      if (seated) {
        --seats;
        today_.flight_flown[f] += 1;
        // Entry bans apply at the arrival airport too.
        CounterRng own(seed_, RandomPurpose::kAgentDay, agent, static_cast<std::uint32_t>(day));
        if (own.next_unit() < entry_ban_[fl.destination]) {
          state_[agent] = kGaveUp;
          today_.gave_up += 1;
          continue;
        }
        cross(agent, fl.destination, day);
        continue;
      }
      options(fl.region, kind_[agent], class_[agent] == kEligibleFlyer ? kEligibleRoad : kOtherRoad, -1, -1, day,
              opts);  // roads only
      if (opts.empty()) {
        state_[agent] = kGaveUp;
        today_.gave_up += 1;
        continue;
      }
      utilities.clear();
      for (const auto& o : opts) utilities.push_back(o.utility);
      CounterRng own(seed_, RandomPurpose::kAgentDay, agent, static_cast<std::uint32_t>(day));
      const auto& o = opts[logit_pick(utilities, p.choice_temperature, own, scratch)];
      send_by_road(agent, o.index, day + own.next_unit() + travel_days(fl.region, o.index));
      today_.set_off[fl.region * checkpoints_ + o.index] += 1;
    }
  }
}

void ExodusRules::schedule_move(std::uint32_t agent, std::int32_t from, double u) {
  const auto dest = destination_[agent];
  const DailyChance& chance = fate_[agent] == kMovesOn ? onward_chance_[dest] : return_chance_[dest];
  const std::int32_t day = chance.first_day_after(from, exponential_of_unit(u), scenario_.days);
  if (day < scenario_.days) movers_[static_cast<std::size_t>(day)].push_back(agent);
}

void ExodusRules::move_agents(std::int32_t, std::size_t, std::size_t, Tally&) {
  // Nothing to do per agent and day: a leaver's moves abroad are drawn when they cross
  // (schedule_move) and made on their day (move_on_or_return), so leavers who stay cost nothing.
}

void ExodusRules::move_on_or_return(std::int32_t day) {
  // Those moving on to a destination of the scenario enter it the same day and stay there or,
  // at its return share, go home later: one onward move each.
  auto& movers = movers_[static_cast<std::size_t>(day)];
  for (const auto agent : movers) {
    const auto dest = destination_[agent];
    if (fate_[agent] == kReturns) {
      state_[agent] = kReturned;
      today_.returns[dest] += 1;
      continue;
    }
    today_.onward[dest] += 1;
    const auto& d = scenario_.destinations[dest];
    if (d.onward_to.empty()) {
      state_[agent] = kOnward;
      continue;
    }
    CounterRng rng(seed_, RandomPurpose::kAgentDay, agent, static_cast<std::uint32_t>(day));
    const auto next = next_destination(dest, rng.next_unit());
    const auto& n = scenario_.destinations[next];
    destination_[agent] = static_cast<std::uint8_t>(next);
    fate_[agent] = rng.next_unit() * (1 - n.onward_share) < n.return_share ? kReturns : kStays;
    today_.onward_in[next] += 1;
    if (fate_[agent] == kReturns) schedule_move(agent, day, rng.next_unit());
  }
  movers.clear();
  movers.shrink_to_fit();
}

void ExodusRules::end_day(std::int32_t day, const Tally&) {
  move_on_or_return(day);
  for (std::size_t d = 0; d < destinations_; ++d) {
    stock_[d] += today_.onward_in[d] - today_.onward[d] - today_.returns[d];
    today_.entries[d] += today_.onward_in[d];
  }

  // Arrivals at each checkpoint, in order of arrival time (agent id breaks ties): each packed in
  // one sort key, the arrival's bits above the id (a non-negative float's bits order as it does),
  // so that the sort compares integers rather than looking up two arrival times per comparison.
  auto& arriving = arriving_[static_cast<std::size_t>(day)];
  auto& by_checkpoint = end_day_scratch_.arrivals;
  by_checkpoint.resize(checkpoints_);
  for (auto& list : by_checkpoint) list.clear();
  for (const auto a : arriving)
    if (state_[a] == kTravelling) by_checkpoint[checkpoint_[a]].push_back(arrival_key(a));
  arriving.clear();
  arriving.shrink_to_fit();

  for (std::uint32_t c = 0; c < checkpoints_; ++c) serve_checkpoint(c, day, by_checkpoint[c]);
  close_destinations();
}

void ExodusRules::serve_checkpoint(std::uint32_t c, std::int32_t day, std::vector<std::uint64_t>& keys) {
  const auto& cp = scenario_.checkpoints[c];
  std::sort(keys.begin(), keys.end());
  // Approach limits and closures stop leavers before the queue; so does a queue longer
  // than the newcomer will wait (they balk and try elsewhere). Tolerances differ from person
  // to person, so a queue settles where the last who join are those who tolerate it.
  double room = approach_limit_[c] >= 0 ? approach_limit_[c] : 1e300;
  const double capacity = open_[c] ? cp.persons_per_day() * throughput_scale_[c] : 0.0;
  double ahead = queues_[c].persons();
  auto& entries = end_day_scratch_.entries;
  entries.clear();
  for (const auto key : keys) {
    const auto a = static_cast<std::uint32_t>(key);
    // Tolerances are positive: with no one ahead nobody balks, and the tolerance is not drawn.
    const bool balks = capacity <= 0 || (ahead > 0 && ahead / capacity > wait_tolerance_days(a));
    if (!open_[c] || room < 1 || balks) {
      today_.turned_away[c] += 1;
      retry_or_give_up(a, static_cast<int>(c), arrival_[a], day);
      continue;
    }
    room -= 1;
    ahead += 1;
    state_[a] = kQueued;
    today_.joined[c] += 1;
    entries.push_back({arrival_[a], 1.0, a});
  }
  // Ordinary travellers arrive spread over the day, in hourly cohorts, as many as the day of
  // the week and today's events make.
  const double ordinary = cp.baseline_per_day * cp.weekly_profile[static_cast<std::size_t>((scenario_.start_date + day).weekday())] *
                          ordinary_scale_checkpoint_[c];
  if (ordinary > 0 && open_[c])
    for (int h = 0; h < 24; ++h) entries.push_back({day + (h + 0.5) / 24.0, ordinary / 24.0, kNoAgent});
  std::stable_sort(entries.begin(), entries.end(),
                   [](const QueueEntry& a, const QueueEntry& b) { return a.arrival < b.arrival; });
  for (const auto& e : entries) queues_[c].push(e);

  today_.capacity[c] = capacity;
  const auto served = queues_[c].serve_day(day, capacity, [&](std::uint32_t a, double time, double) {
    today_.processed_leavers[c] += 1;
    CounterRng rng(seed_, RandomPurpose::kAgentDay, a, static_cast<std::uint32_t>(day) | kBorderStream);
    const bool exit_refused = is_eligible(class_[a]) && rng.next_unit() < exit_refusal_[c];
    const bool entry_refused = !exit_refused && rng.next_unit() < entry_ban_[cp.destination];
    if (exit_refused || entry_refused) {
      today_.refused[c] += 1;
      retry_or_give_up(a, static_cast<int>(c), time, day);
      return;
    }
    cross(a, cp.destination, day);
  });
  // Ordinary travellers are counted on entry like everyone else; those refused (a tourist-visa
  // ban) go home uncounted.
  const double ordinary_served = served.processed_persons - today_.processed_leavers[c];
  const double ordinary_refused = ordinary_served * ordinary_refusal_[cp.destination];
  today_.entries[cp.destination] += ordinary_served - ordinary_refused;
  today_.refused_ordinary[c] = ordinary_refused;
  today_.processed[c] = served.processed_persons;
  today_.checkpoint_entries[c] = served.processed_persons - today_.refused[c] - ordinary_refused;
  today_.wait_hours[c] = served.wait_hours_max;
  today_.wait_median_hours[c] = served.wait_hours_median;
  const double queued = queues_[c].persons();
  today_.queue_persons[c] = queued;
  // Whole vehicles: a vehicle part filled (occupancy is a mean) still stands in the queue.
  today_.queue_vehicles[c] = std::max(0.0, std::ceil(queued / cp.persons_per_vehicle - 1e-9));
  today_.queue_km[c] = cp.queue_km(today_.queue_vehicles[c]);
  // What people will hear: the wait a newcomer would face.
  // Without an information lag, leavers turned back later today hear this wait at once.
  if (wait_days_kept_ == 1) ++retry_.generation;
  reported_wait_days_[c * wait_days_kept_ + static_cast<std::size_t>(day) % wait_days_kept_] =
      capacity > 0 ? queued / capacity : kClosedWaitDays;
}

void ExodusRules::close_destinations() {
  // Ordinary travellers leave at 1/stay a day of those present (counted before today's
  // arrivals join them); leavers leave by moving on or going home.
  for (std::size_t d = 0; d < destinations_; ++d) {
    const auto& dest = scenario_.destinations[d];
    today_.entries[d] += dest.baseline_air_per_day * ordinary_scale_air_[d] * (1 - ordinary_refusal_[d]);
    const double ordinary_in = today_.entries[d] - today_.entries_leavers[d] - today_.onward_in[d];
    const double ordinary_out = ordinary_stock_[d] / dest.ordinary_stay_days;
    ordinary_stock_[d] += ordinary_in - ordinary_out;
    today_.exits[d] = ordinary_out + today_.onward[d] + today_.returns[d];
    today_.net_arrivals[d] = today_.entries_leavers[d] + today_.onward_in[d] - today_.onward[d] - today_.returns[d];
    today_.stock[d] = stock_[d];
  }
}

}  // namespace exodus
