// destinations.csv: where leavers go, and where they move on to.
#include "exodus/io/scenario/scenario_tables.h"

#include <fmt/format.h>

#include <cmath>

#include "exodus/core/parse.h"

namespace exodus::scenario_io {

void Reader::destinations() {
  auto file = need("destinations.csv");
  if (!file) return;
  CsvTable t = table(*file, {"destination"}, destination_columns(),
                     {"official_counts", "groups", "onward_to", "source", "assumption"});
  std::set<std::string> seen;
  // onward_to may name a destination further down the table: resolved once all are read.
  std::vector<std::pair<std::size_t, const CsvRow*>> onward;
  for (const auto& r : t.rows()) {
    Destination d;
    d.name = name(t, r, "destination");
    unique(seen, d.name, t.pos(r, "destination"), "destination");
    numbers(t, r, destination_columns(), d);
    if (std::isnan(d.latitude) != std::isnan(d.longitude))
      errors.add(t.pos(r, std::isnan(d.latitude) ? "latitude" : "longitude"),
                 "a destination's position needs both latitude and longitude (or neither)");
    d.official_counts = t.cell(r, "official_counts");
    d.groups = split_list(t.cell(r, "groups"));
    if (d.onward_share + d.return_share > 1)
      errors.add(t.pos(r, "return_share"), "onward_share + return_share must not exceed 1");
    onward.emplace_back(s.destinations.size(), &r);
    s.destinations.push_back(d);
    destination_lines.push_back(r.line);
  }
  for (const auto& [index, row] : onward) {
    for (const auto& next : split_list(t.cell(*row, "onward_to"))) {
      const auto n = find(s.destinations, next);
      if (n < 0)
        errors.add(t.pos(*row, "onward_to"), fmt::format("unknown destination '{}' (not in destinations.csv)", next));
      else if (static_cast<std::size_t>(n) == index)
        errors.add(t.pos(*row, "onward_to"), fmt::format("'{}' moves on to itself", next));
      else
        s.destinations[index].onward_to.push_back(static_cast<std::size_t>(n));
    }
  }
  destinations_file = file->name;
  if (t.rows().empty() && errors.empty()) errors.add({file->name, 0, ""}, "defines no destination");
}

}  // namespace exodus::scenario_io
