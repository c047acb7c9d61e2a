#pragma once
// What a scenario run recorded: one daily series per place and metric, in the order daily.csv
// lists them (totals, then each destination's, each checkpoint's, each flight's). Everything
// downstream reads runs through this table: the outputs, the run summary, the observation model
// that compares runs with reports, and (next) calibration.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "exodus/core/date.h"

namespace exodus {

enum class PlaceKind : std::uint8_t { kTotal, kLeaverKind, kDestination, kCheckpoint, kFlight, kRoad };
// "total", "leaver_kind", "destination", "checkpoint", "flight", "road"
const char* to_string(PlaceKind kind);

struct DailySeries {
  PlaceKind kind = PlaceKind::kTotal;
  std::string place;   // "ALL" for totals; a destination, checkpoint, "Region -> Destination" (flight)
                       // or "Region -> Checkpoint" (road)
  std::string metric;  // e.g. entries, queue_vehicles (docs/scenario-format.md, daily.csv)
  std::size_t index = 0;  // the place's row in its scenario table (0 for totals)
  std::vector<double> values;  // [day]
};

class SeriesTable {
 public:
  SeriesTable() = default;
  explicit SeriesTable(Date start) : start_(start) {}

  // Declares a series (before any day is recorded); returns its position.
  std::size_t add(PlaceKind kind, std::string place, std::size_t index, std::string metric);
  std::vector<DailySeries>& series() { return series_; }
  const std::vector<DailySeries>& series() const { return series_; }
  Date start() const { return start_; }
  std::size_t days() const { return series_.empty() ? 0 : series_.front().values.size(); }
  // Each recorded day's date (YYYY-MM-DD), for what draws or writes the series by date.
  std::vector<std::string> dates() const;

  // The series of a place's metric by the place's row, or nullptr.
  const DailySeries* find(PlaceKind kind, std::size_t index, std::string_view metric) const;
  // Its value on `day`, or 0 when the series does not exist.
  double at(PlaceKind kind, std::size_t index, std::string_view metric, std::size_t day) const;
  // Σ over days [first, last] (clipped to the recorded days).
  double sum(PlaceKind kind, std::size_t index, std::string_view metric, std::size_t first, std::size_t last) const;

 private:
  Date start_;
  std::vector<DailySeries> series_;
};

}  // namespace exodus
