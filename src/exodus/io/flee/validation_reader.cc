#include <fmt/format.h>

#include "exodus/core/limits.h"
#include "exodus/core/parse.h"
#include "exodus/io/flee/flee_readers.h"
#include "exodus/io/flee/read_helpers.h"

namespace exodus {

using flee_io::at;

std::vector<FleeDataPoint> read_flee_series(const TextFile& file, Date start, int hasten,
                                            ErrorList& errors) {
  std::vector<FleeDataPoint> points;
  const auto rows = parse_csv(file);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const auto& row = rows[r];
    // As in Flee: comment rows, a first row headed Date/DateTime, rows with fewer than two
    // fields and rows with an empty count are not data.
    if (flee_io::is_comment_row(row) || row.fields.size() < 2) continue;
    if (r == 0) {
      const auto first = to_lower(trim(row.fields[0]));
      if (first == "date" || first == "datetime") continue;
    }
    if (trim(row.fields[1]).empty()) continue;
    try {
      FleeDataPoint p;
      p.line = row.line;
      p.day = parse_date(row.fields[0], at(file, row, "date")) - start;
      const double count = parse_double(row.fields[1], at(file, row, "count"));
      if (count < 0) throw InputError(at(file, row, "count"), "must not be negative");
      if (count > kMostPeople)
        throw InputError(at(file, row, "count"), fmt::format("{:g} is more people than live on Earth", count));
      p.value = count / hasten;
      if (!points.empty() && p.day <= points.back().day)
        throw InputError(at(file, row, "date"),
                         fmt::format("dates must increase (line {} has the same or a later date)",
                                     points.back().line));
      points.push_back(p);
    } catch (const InputError& e) { errors.add(e); }
  }
  if (points.empty() && errors.empty()) errors.add({file.name, 0, ""}, "holds no data points");
  return points;
}

namespace {

// Flee's merge of two series named on one data_layout row (its AddCSVTables), kept as Flee
// computes it because the shipped validation data (car2013) is defined by it: points of the
// first series after the second series ends are dropped, and the last one may repeat.
std::vector<FleeDataPoint> merge_like_flee(const std::vector<FleeDataPoint>& first,
                                           const std::vector<FleeDataPoint>& second) {
  std::vector<FleeDataPoint> merged;
  if (first.empty()) return second;
  std::size_t offset = 0;
  double last_second = 0;
  for (const auto& p : second) {
    while (p.day > first[offset].day) {
      merged.push_back({first[offset].line, first[offset].day, last_second + first[offset].value});
      if (offset + 1 < first.size()) ++offset;
      else break;
    }
    if (p.day == first[offset].day) {
      merged.push_back({p.line, p.day, p.value + first[offset].value});
      if (offset + 1 < first.size()) ++offset;
      last_second = p.value;
      continue;
    }
    if (p.day < first[offset].day) {
      merged.push_back({p.line, p.day, p.value + first[offset].value});
      last_second = p.value;
    }
  }
  return merged;
}

}  // namespace

FleeValidationData read_flee_validation(const FileSource& folder, Date start, int hasten,
                                        ErrorList& errors) {
  FleeValidationData data;
  TextFile layout;
  try {
    layout = folder.require("data_layout.csv");
  } catch (const InputError& e) {
    errors.add(e);
    return data;
  }
  data.layout_file = layout.name;
  for (const auto& row : parse_csv(layout)) {
    if (flee_io::is_comment_row(row) || row.fields.size() < 2) continue;
    FleeValidationSeries series;
    series.layout_line = row.line;
    series.name = std::string(trim(row.fields[0]));
    series.file = folder.display_name(std::string(trim(row.fields[1])));
    if (series.name.empty()) {
      errors.add(at(layout, row, "name"), "is empty");
      continue;
    }
    for (std::size_t i = 1; i < row.fields.size(); ++i) {
      const std::string relative(trim(row.fields[i]));
      if (relative.empty()) continue;
      try {
        const auto file = folder.require(relative);
        auto points = read_flee_series(file, start, hasten, errors);
        series.points = i == 1 ? std::move(points) : merge_like_flee(series.points, points);
      } catch (const InputError& e) {
        errors.add(at(layout, row, fmt::format("file {}", i)), fmt::format("'{}': {}", relative, e.message()));
      }
    }
    data.series.push_back(std::move(series));
  }
  if (data.series.empty())
    errors.add({layout.name, 0, ""}, "names no series (expected 'total,refugees.csv' first)");
  return data;
}

}  // namespace exodus
