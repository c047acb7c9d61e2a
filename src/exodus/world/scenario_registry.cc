#include "exodus/world/scenario_registry.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <type_traits>
#include <utility>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "exodus/core/member_value.h"

namespace exodus {

namespace {

using P = ScenarioParameters;

// Defaults are the members' initialisers in world/scenario.h; docs/scenario-format.md shows
// this table (a test checks that it does, row by row).
const ScenarioParameter kParameters[] = {
    {"base_hazard", &P::base_hazard, 0, 1,
     "daily chance that an eligible person decides to leave before the shock"},
    {"shock_hazard", &P::shock_hazard, 0, 1, "extra daily chance on the shock day; it decays exponentially"},
    {"shock_decay_days", &P::shock_decay_days, 0.01, 10000, "e-folding time of the shock, days"},
    {"other_hazard_ratio", &P::other_hazard_ratio, 0, 100,
     "hazard of non-eligible people relative to the eligible"},
    {"road_speed_km_per_day", &P::road_speed_km_per_day, 1, 5000, "driving distance per day"},
    {"road_detour", &P::road_detour, 1, 10,
     "road km per great-circle km (roads are implied between every region and checkpoint)"},
    {"choice_temperature", &P::choice_temperature, 0.01, 100,
     "logit scale: choice probabilities are proportional to exp(U / temperature)"},
    {"weight_travel_day", &P::weight_travel_day, 0, 100, "utility lost per day of travel"},
    {"weight_wait_day", &P::weight_wait_day, 0, 100, "utility lost per day of queue wait, as last reported"},
    {"weight_price_100", &P::weight_price_100, 0, 100, "utility lost per 100 euros of ticket price"},
    {"price_elasticity", &P::price_elasticity, 0, 100, "fare rise per unit of yesterday's demand above the seats"},
    {"information_lag_days", &P::information_lag_days, 0, 60, "how old the queue news is that people act on"},
    {"refused_retry_share", &P::refused_retry_share, 0, 1,
     "of those refused at a border or turned away, the share who try another way"},
    {"balk_wait_days", &P::balk_wait_days, 0.01, 1000,
     "median tolerance: people arriving at a queue longer than theirs (in days of service) turn away"},
    {"balk_wait_spread", &P::balk_wait_spread, 0, 5, "log-sd of that tolerance across people (0: one threshold)"},
};

const ScenarioColumn<LeaverKind> kLeaverColumns[] = {
    {"share", &LeaverKind::share, 0, 1, std::nullopt, "share of every region's pools (the kinds' shares sum to 1)"},
    {"shock_hazard", &LeaverKind::shock_hazard, 0, 1, std::nullopt,
     "extra daily chance of deciding on the shock day; it decays exponentially"},
    {"shock_decay_days", &LeaverKind::shock_decay_days, 0.01, 10000, std::nullopt, "e-folding time of the shock, days"},
    {"wait_tolerance_days", &LeaverKind::wait_tolerance_days, 0.01, 1000, 3.0,
     "median longest queue they join, in days of service"},
    {"wait_tolerance_spread", &LeaverKind::wait_tolerance_spread, 0, 5, 0.0,
     "log-sd of that tolerance across people (0: one threshold)"},
};

const ScenarioColumn<Region> kRegionColumns[] = {
    {"latitude", &Region::latitude, -90, 90, std::nullopt, "degrees north"},
    {"longitude", &Region::longitude, -180, 180, std::nullopt, "degrees east"},
    {"eligible_pool", &Region::eligible_pool, 0, 1e9, std::nullopt, "draft-eligible people (reservists)"},
    {"other_pool", &Region::other_pool, 0, 1e9, std::nullopt, "others who may leave (family, non-eligible men)"},
    {"share_can_fly", &Region::share_can_fly, 0, 1, std::nullopt, "share with the means to buy a ticket"},
    {"hazard_multiplier", &Region::hazard_multiplier, 0, 100, 1.0, "regional intensity of the call-up"},
};

constexpr double kNoPosition = std::numeric_limits<double>::quiet_NaN();

const ScenarioColumn<Destination> kDestinationColumns[] = {
    {"latitude", &Destination::latitude, -90, 90, kNoPosition, "degrees north of a point standing for it on maps (empty: not drawn)"},
    {"longitude", &Destination::longitude, -180, 180, kNoPosition, "degrees east of that point"},
    {"attractiveness", &Destination::attractiveness, -100, 100, std::nullopt, "utility of ending there"},
    {"onward_share", &Destination::onward_share, 0, 1, 0.0, "share who move on within days (transit)"},
    {"onward_days", &Destination::onward_days, 0.1, 10000, 7.0, "mean days before moving on"},
    {"return_share", &Destination::return_share, 0, 1, 0.0, "share who return to the origin eventually"},
    {"return_days", &Destination::return_days, 0.1, 10000, 60.0, "mean days abroad before returning"},
    {"baseline_air_per_day", &Destination::baseline_air_per_day, 0, 1e7, 0.0,
     "ordinary travellers arriving by air each day"},
    {"ordinary_stay_days", &Destination::ordinary_stay_days, 1, 10000, 7.0,
     "mean stay of ordinary travellers; they leave (exits) at 1/stay a day"},
};

const ScenarioColumn<Checkpoint> kCheckpointColumns[] = {
    {"latitude", &Checkpoint::latitude, -90, 90, std::nullopt, "degrees north"},
    {"longitude", &Checkpoint::longitude, -180, 180, std::nullopt, "degrees east"},
    {"vehicles_per_day", &Checkpoint::vehicles_per_day, 0, 1e7, std::nullopt, "processing capacity"},
    {"persons_per_vehicle", &Checkpoint::persons_per_vehicle, 0.1, 100, std::nullopt,
     "occupancy of a queued vehicle"},
    {"baseline_per_day", &Checkpoint::baseline_per_day, 0, 1e7, 0.0,
     "ordinary travellers entering the queue each day"},
    {"lanes", &Checkpoint::lanes, 1, 100, 1.0, "lanes the queue of vehicles stands in"},
    {"metres_per_vehicle", &Checkpoint::metres_per_vehicle, 1, 100, 7.0,
     "road a standing vehicle takes (length and gap): queue km = vehicles x this / lanes / 1000"},
};

const ScenarioColumn<Flight> kFlightColumns[] = {
    {"seats_per_day", &Flight::seats_per_day, 0, 1e7, std::nullopt, "seats a day available to leavers"},
    {"base_price", &Flight::base_price, 0, 1e6, std::nullopt, "fare before the shock, euros"},
};

// Shares (exit_refusal, entry_ban) are further bounded to [0, 1] by their kind.
const ScenarioColumn<Event> kEventColumns[] = {
    {"value", &Event::value, 0, 1e7, std::nullopt, "the event's size (its kind says what it means)"},
};

bool is_share(EventKind k) {
  return k == EventKind::kExitRefusal || k == EventKind::kEntryBan || k == EventKind::kOrdinaryRefusal;
}

template <typename Row>
std::span<const Row> rows_of(const Scenario& s);
template <> std::span<const LeaverKind> rows_of(const Scenario& s) { return s.leaver_kinds; }
template <> std::span<const Region> rows_of(const Scenario& s) { return s.regions; }
template <> std::span<const Destination> rows_of(const Scenario& s) { return s.destinations; }
template <> std::span<const Checkpoint> rows_of(const Scenario& s) { return s.checkpoints; }
template <> std::span<const Flight> rows_of(const Scenario& s) { return s.flights; }
template <> std::span<const Event> rows_of(const Scenario& s) { return s.events; }

template <typename Row>
std::string key_of(const Scenario& s, const Row& row) {
  if constexpr (std::is_same_v<Row, Flight>) return flight_key(s, row);
  else if constexpr (std::is_same_v<Row, Event>) return event_key(row);
  else return row.name;
}

template <typename Row>
std::vector<Row>& mutable_rows(Scenario& s) {
  if constexpr (std::is_same_v<Row, LeaverKind>) return s.leaver_kinds;
  else if constexpr (std::is_same_v<Row, Region>) return s.regions;
  else if constexpr (std::is_same_v<Row, Destination>) return s.destinations;
  else if constexpr (std::is_same_v<Row, Checkpoint>) return s.checkpoints;
  else if constexpr (std::is_same_v<Row, Flight>) return s.flights;
  else return s.events;
}

// The row type of a column table (for decltype only).
template <typename Row>
Row row_type(std::span<const ScenarioColumn<Row>>);
template <typename Columns>
using RowOf = decltype(row_type(std::declval<Columns>()));

// Calls f(columns) with the column table named `table`, typed by its rows.
template <typename F>
auto with_table(std::string_view table, F&& f) {
  if (table == "leavers") return f(leaver_columns());
  if (table == "regions") return f(region_columns());
  if (table == "destinations") return f(destination_columns());
  if (table == "checkpoints") return f(checkpoint_columns());
  if (table == "flights") return f(flight_columns());
  if (table == "events") return f(event_columns());
  throw std::invalid_argument(fmt::format(
      "unknown table '{}' (leavers, regions, destinations, checkpoints, flights or events)", table));
}

}  // namespace

double ScenarioParameter::get(const ScenarioParameters& p) const { return read_member(p, member); }

void ScenarioParameter::set(ScenarioParameters& p, double value) const { write_member(p, member, value); }

std::span<const ScenarioParameter> scenario_parameters() { return kParameters; }

const ScenarioParameter* find_scenario_parameter(std::string_view name) {
  for (const auto& p : kParameters)
    if (name == p.name) return &p;
  return nullptr;
}

std::span<const ScenarioColumn<LeaverKind>> leaver_columns() { return kLeaverColumns; }
std::span<const ScenarioColumn<Region>> region_columns() { return kRegionColumns; }
std::span<const ScenarioColumn<Destination>> destination_columns() { return kDestinationColumns; }
std::span<const ScenarioColumn<Checkpoint>> checkpoint_columns() { return kCheckpointColumns; }
std::span<const ScenarioColumn<Flight>> flight_columns() { return kFlightColumns; }
std::span<const ScenarioColumn<Event>> event_columns() { return kEventColumns; }

std::string flight_key(const Scenario& s, const Flight& f) {
  return s.regions[f.region].name + " -> " + s.destinations[f.destination].name;
}

const char* to_string(EventKind kind) {
  switch (kind) {
    case EventKind::kHazardScale: return "hazard_scale";
    case EventKind::kClose: return "close";
    case EventKind::kReopen: return "reopen";
    case EventKind::kThroughput: return "throughput";
    case EventKind::kApproachLimit: return "approach_limit";
    case EventKind::kExitRefusal: return "exit_refusal";
    case EventKind::kEntryBan: return "entry_ban";
    case EventKind::kSeats: return "seats";
    case EventKind::kReturnScale: return "return_scale";
    case EventKind::kOrdinaryScale: return "ordinary_scale";
    case EventKind::kOrdinaryRefusal: return "ordinary_refusal";
  }
  return "?";
}

std::string event_key(const Event& e) { return fmt::format("{} {} {}", to_string(e.kind), e.target, e.date.iso()); }

ScenarioValue::ScenarioValue(const Scenario& s, std::string_view address) : address_(address) {
  const auto dot = address.find('.');
  if (dot == std::string_view::npos) {
    parameter_ = find_scenario_parameter(address);
    if (!parameter_) throw std::invalid_argument(fmt::format("unknown parameter '{}'", address));
    lower_ = parameter_->lower;
    upper_ = parameter_->upper;
    return;
  }
  const auto open = address.find('[', dot);
  if (open == std::string_view::npos || address.back() != ']')
    throw std::invalid_argument(fmt::format("'{}' is not table.column[row], e.g. checkpoints.vehicles_per_day[Verkhny Lars]", address));
  table_ = std::string(address.substr(0, dot));
  const auto column = address.substr(dot + 1, open - dot - 1);
  const auto row = address.substr(open + 1, address.size() - open - 2);
  with_table(table_, [&](auto columns) {
    bool found = false;
    for (std::size_t c = 0; c < columns.size(); ++c)
      if (column == columns[c].name) {
        column_ = c;
        lower_ = columns[c].lower;
        upper_ = columns[c].upper;
        found = true;
      }
    if (!found) {
      std::string names;
      for (const auto& c : columns) names += std::string(names.empty() ? "" : ", ") + c.name;
      throw std::invalid_argument(fmt::format("table {} has no numeric column '{}' ({})", table_, column, names));
    }
    return 0;
  });
  if (row == "*") {
    scale_ = true;
    with_table(table_, [&](auto columns) {
      using Row = RowOf<decltype(columns)>;
      const auto rows = rows_of<Row>(s);
      if (rows.empty()) throw std::invalid_argument(fmt::format("{} has no rows to scale", table_));
      // The factors that keep every row within the column's range (a share event's within [0, 1]).
      double lo = 0, hi = 1e300;
      for (const auto& r : rows) {
        const double v = r.*(columns[column_].member);
        base_.push_back(v);
        double row_upper = columns[column_].upper;
        if constexpr (std::is_same_v<Row, Event>)
          if (is_share(r.kind)) row_upper = std::min(row_upper, 1.0);
        if (v > 0) {
          lo = std::max(lo, columns[column_].lower / v);
          hi = std::min(hi, row_upper / v);
        } else if (v < 0) {
          lo = std::max(lo, row_upper / v);
          hi = std::min(hi, columns[column_].lower / v);
        }
      }
      lower_ = lo;
      upper_ = hi;
      return 0;
    });
    if (lower_ > upper_) throw std::invalid_argument(fmt::format("{}: no factor keeps every row within the column's range", address));
    return;
  }
  // The row, by its key: exactly one must match.
  const auto find_row = [&](auto rows) {
    std::vector<std::size_t> hits;
    for (std::size_t r = 0; r < rows.size(); ++r)
      if (key_of(s, rows[r]) == row) hits.push_back(r);
    if (hits.empty()) throw std::invalid_argument(fmt::format("{} has no row '{}'", table_, row));
    if (hits.size() > 1) throw std::invalid_argument(fmt::format("{} has {} rows '{}'; the address is ambiguous", table_, hits.size(), row));
    row_ = hits[0];
    if constexpr (std::is_same_v<std::remove_cv_t<typename decltype(rows)::element_type>, Event>)
      if (is_share(rows[row_].kind)) upper_ = 1;
  };
  with_table(table_, [&](auto columns) {
    find_row(rows_of<RowOf<decltype(columns)>>(s));
    return 0;
  });
}

double ScenarioValue::get(const Scenario& s) const {
  if (parameter_) return parameter_->get(s.parameters);
  return with_table(table_, [&](auto columns) {
    using Row = RowOf<decltype(columns)>;
    const auto rows = rows_of<Row>(s);
    if (!scale_) return rows[row_].*(columns[column_].member);
    for (std::size_t r = 0; r < base_.size() && r < rows.size(); ++r)
      if (base_[r] != 0) return rows[r].*(columns[column_].member) / base_[r];
    return 1.0;
  });
}

void ScenarioValue::set(Scenario& s, double value) const {
  if (!(value >= lower_ && value <= upper_))
    throw std::invalid_argument(fmt::format("{}: {} is outside the allowed range [{}, {}]", address_, value, lower_, upper_));
  if (parameter_) {
    parameter_->set(s.parameters, value);
    return;
  }
  with_table(table_, [&](auto columns) {
    using Row = RowOf<decltype(columns)>;
    auto& rows = mutable_rows<Row>(s);
    if (!scale_) {
      rows[row_].*(columns[column_].member) = value;
      return 0;
    }
    if (rows.size() != base_.size())
      throw std::invalid_argument(fmt::format("{}: the scenario has {} rows, not the {} it scales", address_, rows.size(), base_.size()));
    for (std::size_t r = 0; r < rows.size(); ++r) rows[r].*(columns[column_].member) = base_[r] * value;
    return 0;
  });
}

}  // namespace exodus
