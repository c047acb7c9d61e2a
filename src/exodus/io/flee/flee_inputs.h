#pragma once
// Flee's input files as read, row by row, each row keeping its position for later errors.
// Nothing here is checked against other files yet; io/flee/flee_world_builder.cc does that.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "exodus/core/date.h"
#include "exodus/world/flee_settings.h"

namespace exodus {

using Attributes = std::vector<std::pair<std::string, std::string>>;

struct FleeLocationRow {
  std::size_t line = 0;
  std::string name, region, country;
  double latitude = 0, longitude = 0;
  std::string type;  // as written, e.g. "conflict_zone"
  std::optional<std::int64_t> conflict_date;
  std::int64_t population = 0;  // population, or capacity for camps
  Attributes attributes;        // columns 9+ named by the header
};

struct FleeRouteRow {
  std::size_t line = 0;
  std::string from, to;
  double distance = 0;
  int forced_redirection = 0;
  Attributes attributes;  // columns 5+ named by the header
};

struct FleeClosureRow {
  std::size_t line = 0;
  std::string type, name1, name2;
  std::int64_t start = 0, end = 0;
};

struct FleeConflictTable {
  std::size_t header_line = 0;
  std::vector<std::string> names;                  // one per column after the day column
  std::vector<std::vector<double>> intensity;      // [day][column]
  std::vector<std::size_t> row_lines;              // line of each day's row
};

struct FleeSimPeriod {
  Date start;
  std::int64_t length = 0;
};

struct FleeCorrectionRow {
  std::size_t line = 0;
  std::string camp;
  Date date;
};

struct FleeDataPoint {
  std::size_t line = 0;
  std::int64_t day = 0;  // offset from the start date (may be negative)
  double value = 0;      // count divided by hasten
};

struct FleeValidationSeries {
  std::size_t layout_line = 0;  // its row in data_layout.csv
  std::string name;             // "total", or a camp name
  std::string file;             // first CSV named on the row (for messages)
  std::vector<FleeDataPoint> points;
};

struct FleeValidationData {
  std::string layout_file;
  std::vector<FleeValidationSeries> series;  // in data_layout order; the first is the total
};

// Everything one Flee case folder holds, with the file names used in messages.
struct FleeInputs {
  std::string locations_file, routes_file, closures_file, conflicts_file, period_file,
      corrections_file;
  std::vector<FleeLocationRow> locations;
  std::vector<FleeRouteRow> routes;
  std::vector<FleeClosureRow> closures;
  FleeConflictTable conflicts;
  FleeSimPeriod period;
  std::vector<FleeCorrectionRow> corrections;
  std::optional<FleeValidationData> validation;
  FleeSettings settings;
};

}  // namespace exodus
