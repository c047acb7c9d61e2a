#include <fmt/format.h>

#include "exodus/core/parse.h"
#include "exodus/io/flee/flee_readers.h"
#include "exodus/io/flee/read_helpers.h"

namespace exodus {

using flee_io::at;

std::vector<FleeRouteRow> read_flee_routes(const TextFile& file, ErrorList& errors) {
  constexpr std::size_t kFixedColumns = 4;
  std::vector<FleeRouteRow> out;
  std::vector<std::string> attribute_names;
  for (const auto& row : parse_csv(file)) {
    if (flee_io::is_comment_row(row)) {
      attribute_names.clear();
      for (std::size_t i = kFixedColumns; i < row.fields.size(); ++i)
        attribute_names.emplace_back(trim(row.fields[i]));
      continue;
    }
    if (row.fields.size() < 3) {
      errors.add(at(file, row, ""),
                 fmt::format("expected at least 3 columns (name1,name2,distance), found {}",
                             row.fields.size()) +
                     delimiter_hint(row));
      continue;
    }
    const std::size_t before = errors.size();
    FleeRouteRow route;
    route.line = row.line;
    route.from = flee_io::read_name(file, row, 0, "name1", errors);
    route.to = flee_io::read_name(file, row, 1, "name2", errors);
    try {
      route.distance = parse_double(row.fields[2], at(file, row, "distance"));
      if (route.distance <= 0)
        errors.add(at(file, row, "distance"),
                   fmt::format("must be positive (km), found {}", route.distance));
    } catch (const InputError& e) { errors.add(e); }
    if (row.fields.size() > 3) {
      try {
        route.forced_redirection = static_cast<int>(
            parse_optional_int(row.fields[3], at(file, row, "forced_redirection"), 0, 2)
                .value_or(0));
      } catch (const InputError& e) { errors.add(e); }
    }
    for (std::size_t i = kFixedColumns; i < row.fields.size(); ++i) {
      const std::size_t k = i - kFixedColumns;
      if (k >= attribute_names.size() || attribute_names[k].empty()) {
        if (!trim(row.fields[i]).empty())
          errors.add(at(file, row, fmt::format("column {}", i + 1)),
                     "has a value but the header gives this column no name");
        continue;
      }
      route.attributes.emplace_back(attribute_names[k], std::string(trim(row.fields[i])));
    }
    if (!route.from.empty() && route.from == route.to)
      errors.add(at(file, row, "name2"),
                 fmt::format("route from '{}' to itself", route.from));
    if (errors.size() == before) out.push_back(std::move(route));
  }
  return out;
}

}  // namespace exodus
