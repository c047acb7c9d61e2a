#include <fmt/format.h>

#include <unordered_map>

#include "exodus/core/parse.h"
#include "exodus/io/flee/flee_readers.h"
#include "exodus/io/flee/read_helpers.h"

namespace exodus {

using flee_io::at;

FleeConflictTable read_flee_conflicts(const TextFile& file, ErrorList& errors) {
  FleeConflictTable table;
  const auto rows = parse_csv(file);
  if (rows.empty()) {
    errors.add({file.name, 0, ""}, "is empty; expected a header '#Day,<location>,...'");
    return table;
  }
  const auto& header = rows.front();
  table.header_line = header.line;
  std::unordered_map<std::string, std::size_t> seen;
  std::size_t named_columns = 0;  // trailing empty header fields (a final comma) are ignored
  for (std::size_t i = 1; i < header.fields.size(); ++i) {
    std::string name(trim(header.fields[i]));
    if (name.empty()) {
      if (i + 1 < header.fields.size() && !trim(header.fields[i + 1]).empty())
        errors.add(at(file, header, fmt::format("column {}", i + 1)), "location name is empty");
      continue;
    }
    const auto [it, inserted] = seen.emplace(name, i + 1);
    if (!inserted)
      errors.add(at(file, header, fmt::format("column {}", i + 1)),
                 fmt::format("location '{}' appears twice (also column {})", name, it->second));
    table.names.push_back(std::move(name));
    named_columns = i;
  }
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    const std::int64_t expected_day = static_cast<std::int64_t>(r - 1);
    try {
      const auto day = parse_int(row.fields[0], at(file, row, "day"));
      if (day != expected_day)
        errors.add(at(file, row, "day"),
                   fmt::format("is {}, expected {} (one row per day, counting from 0)", day,
                               expected_day));
    } catch (const InputError& e) { errors.add(e); }
    if (row.fields.size() < named_columns + 1) {
      errors.add(at(file, row, ""), fmt::format("has {} values, the header names {} locations",
                                                row.fields.size() - 1, table.names.size()));
      continue;
    }
    std::vector<double> values;
    values.reserve(table.names.size());
    for (std::size_t i = 1; i < row.fields.size(); ++i) {
      const bool named = i <= named_columns && !trim(header.fields[i]).empty();
      if (!named) {
        if (!trim(row.fields[i]).empty())
          errors.add(at(file, row, fmt::format("column {}", i + 1)),
                     "has a value but the header names no location for it");
        continue;
      }
      const std::string& name = table.names[values.size()];
      try {
        const double v = parse_double(row.fields[i], at(file, row, name));
        if (v < 0) errors.add(at(file, row, name), "conflict intensity must not be negative");
        values.push_back(v);
      } catch (const InputError& e) {
        errors.add(e);
        values.push_back(0);
      }
    }
    table.intensity.push_back(std::move(values));
    table.row_lines.push_back(row.line);
  }
  return table;
}

}  // namespace exodus
