// regions.csv: where leavers come from, with their pools and hazards.
#include "exodus/io/scenario/scenario_tables.h"

#include <fmt/format.h>

namespace exodus::scenario_io {

void Reader::regions() {
  auto file = need("regions.csv");
  if (!file) return;
  CsvTable t = table(*file, {"region"}, region_columns(), {"source", "assumption"});
  std::set<std::string> seen;
  for (const auto& r : t.rows()) {
    Region g;
    g.name = name(t, r, "region");
    unique(seen, g.name, t.pos(r, "region"), "region");
    numbers(t, r, region_columns(), g);
    s.regions.push_back(g);
    region_lines.push_back(r.line);
  }
  regions_file = file->name;
  if (t.rows().empty() && errors.empty()) errors.add({file->name, 0, ""}, "defines no region");
}

}  // namespace exodus::scenario_io
