// checkpoints.csv: the crossings into each destination, and flights.csv (optional): the
// seats from each region to each destination.
#include "exodus/io/scenario/scenario_tables.h"

#include <fmt/format.h>

#include <cmath>

#include "exodus/core/parse.h"

namespace exodus::scenario_io {

namespace {

// Seven factors, Monday first, joined by ';', of mean 1 (they shape the week, not its level).
void read_weekly_profile(const CsvTable& t, const CsvRow& r, Checkpoint& c, ErrorList& errors) {
  const auto cell = t.cell(r, "weekly_profile");
  if (trim(cell).empty()) return;
  const auto parts = split_list(cell);
  const auto pos = t.pos(r, "weekly_profile");
  if (parts.size() != 7) {
    errors.add(pos, fmt::format("has {} factors; give 7, Monday first, joined by ';'", parts.size()));
    return;
  }
  double sum = 0;
  for (std::size_t i = 0; i < 7; ++i) {
    try {
      c.weekly_profile[i] = parse_double(parts[i], pos);
    } catch (const InputError& e) {
      errors.add(e);
      return;
    }
    if (!(c.weekly_profile[i] >= 0 && c.weekly_profile[i] <= 7)) {
      errors.add(pos, fmt::format("factor {} is {}; each must be in [0, 7]", i + 1, parts[i]));
      return;
    }
    sum += c.weekly_profile[i];
  }
  if (std::abs(sum / 7 - 1) > 0.01) {
    errors.add(pos, fmt::format("the factors' mean is {:.4g}; it must be 1 (baseline_per_day sets the level)", sum / 7));
    return;
  }
  for (auto& f : c.weekly_profile) f *= 7 / sum;  // exactly mean 1
}

}  // namespace

void Reader::checkpoints() {
  auto file = need("checkpoints.csv");
  if (!file) return;
  CsvTable t = table(*file, {"checkpoint", "destination"}, checkpoint_columns(),
                     {"open", "counted", "weekly_profile", "source", "assumption"});
  std::set<std::string> seen;
  for (const auto& r : t.rows()) {
    Checkpoint c;
    c.name = name(t, r, "checkpoint");
    unique(seen, c.name, t.pos(r, "checkpoint"), "checkpoint");
    const auto dest = name(t, r, "destination");
    const auto d = find(s.destinations, dest);
    if (d < 0 && !dest.empty())
      errors.add(t.pos(r, "destination"), fmt::format("unknown destination '{}' (not in destinations.csv)", dest));
    c.destination = static_cast<std::size_t>(std::max(d, 0));
    numbers(t, r, checkpoint_columns(), c);
    c.open = flag(t, r, "open", true);
    c.counted = flag(t, r, "counted", true);
    read_weekly_profile(t, r, c, errors);
    s.checkpoints.push_back(c);
  }
  if (t.rows().empty() && errors.empty()) errors.add({file->name, 0, ""}, "defines no checkpoint");
}

void Reader::flights() {
  auto file = read_optional("flights.csv");  // optional: a scenario may have no flights
  if (!file) return;
  CsvTable t = table(*file, {"region", "destination"}, flight_columns(), {"source", "assumption"});
  for (const auto& r : t.rows()) {
    Flight f;
    const auto region = name(t, r, "region");
    const auto dest = name(t, r, "destination");
    const auto g = find(s.regions, region);
    const auto d = find(s.destinations, dest);
    if (g < 0 && !region.empty()) errors.add(t.pos(r, "region"), fmt::format("unknown region '{}'", region));
    if (d < 0 && !dest.empty()) errors.add(t.pos(r, "destination"), fmt::format("unknown destination '{}'", dest));
    f.region = static_cast<std::size_t>(std::max(g, 0));
    f.destination = static_cast<std::size_t>(std::max(d, 0));
    numbers(t, r, flight_columns(), f);
    s.flights.push_back(f);
  }
}

}  // namespace exodus::scenario_io
