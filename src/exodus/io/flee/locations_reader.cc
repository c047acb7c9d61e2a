#include <fmt/format.h>

#include <unordered_map>

#include "exodus/core/parse.h"
#include "exodus/io/flee/flee_readers.h"
#include "exodus/io/flee/read_helpers.h"

namespace exodus {

using flee_io::at;

namespace {
constexpr const char* kColumns[] = {"name",     "region",        "country",       "latitude",
                                    "longitude", "location_type", "conflict_date", "population"};
constexpr std::size_t kFixedColumns = 8;

bool is_known_type(const std::string& lower) {
  for (const char* known : {"camp", "conflict", "forward", "marker", "flood_zone", "default", "town"})
    if (lower.find(known) != std::string::npos) return true;
  return false;
}
}  // namespace

std::vector<FleeLocationRow> read_flee_locations(const TextFile& file, ErrorList& errors) {
  std::vector<FleeLocationRow> out;
  std::vector<std::string> attribute_names;
  std::unordered_map<std::string, std::size_t> first_line;

  for (const auto& row : parse_csv(file)) {
    if (flee_io::is_comment_row(row)) {
      // The header names columns 9+; they become location attributes.
      attribute_names.clear();
      for (std::size_t i = kFixedColumns; i < row.fields.size(); ++i)
        attribute_names.emplace_back(trim(row.fields[i]));
      continue;
    }
    if (row.fields.size() < kFixedColumns) {
      errors.add(at(file, row, ""),
                 fmt::format("expected {} columns (name,region,country,latitude,longitude,"
                             "location_type,conflict_date,population), found {}",
                             kFixedColumns, row.fields.size()) +
                     delimiter_hint(row));
      continue;
    }
    const std::size_t before = errors.size();
    FleeLocationRow loc;
    loc.line = row.line;
    loc.name = flee_io::read_name(file, row, 0, kColumns[0], errors);
    loc.region = std::string(trim(row.fields[1]));
    loc.country = std::string(trim(row.fields[2]));
    try {
      loc.latitude = parse_optional_double(row.fields[3], at(file, row, kColumns[3])).value_or(0);
      if (loc.latitude < -90 || loc.latitude > 90)
        errors.add(at(file, row, kColumns[3]), "must be between -90 and 90");
    } catch (const InputError& e) { errors.add(e); }
    try {
      loc.longitude = parse_optional_double(row.fields[4], at(file, row, kColumns[4])).value_or(0);
      if (loc.longitude < -180 || loc.longitude > 180)
        errors.add(at(file, row, kColumns[4]), "must be between -180 and 180");
    } catch (const InputError& e) { errors.add(e); }
    loc.type = std::string(trim(row.fields[5]));
    const std::string lower_type = to_lower(loc.type);
    if (!is_known_type(lower_type))
      errors.add(at(file, row, kColumns[5]),
                 fmt::format("unknown location type '{}' (expected conflict_zone, town, camp, "
                             "idpcamp, forwarding_hub, marker or flood_zone)", loc.type));
    try {
      loc.conflict_date =
          parse_optional_int(row.fields[6], at(file, row, kColumns[6]), -1, 1'000'000);
      if (lower_type.find("conflict") != std::string::npos && !loc.conflict_date)
        errors.add(at(file, row, kColumns[6]),
                   "a conflict_zone needs a conflict_date (0 = in conflict from the start)");
    } catch (const InputError& e) { errors.add(e); }
    try {
      loc.population = parse_optional_int(row.fields[7], at(file, row, kColumns[7]), 0,
                                          10'000'000'000LL).value_or(0);
    } catch (const InputError& e) { errors.add(e); }
    for (std::size_t i = kFixedColumns; i < row.fields.size(); ++i) {
      const std::size_t k = i - kFixedColumns;
      if (k >= attribute_names.size() || attribute_names[k].empty()) {
        if (!trim(row.fields[i]).empty())
          errors.add(at(file, row, fmt::format("column {}", i + 1)),
                     "has a value but the header gives this column no name");
        continue;
      }
      loc.attributes.emplace_back(attribute_names[k], std::string(trim(row.fields[i])));
    }
    if (!loc.name.empty()) {
      const auto [it, inserted] = first_line.emplace(loc.name, row.line);
      if (!inserted)
        errors.add(at(file, row, kColumns[0]),
                   fmt::format("duplicate location '{}' (first defined on line {})", loc.name,
                               it->second));
    }
    if (errors.size() == before) out.push_back(std::move(loc));
  }
  if (out.empty() && errors.empty()) errors.add({file.name, 0, ""}, "defines no locations");
  return out;
}

}  // namespace exodus
