#include "exodus/recorder/series_table.h"

#include <algorithm>

namespace exodus {

const char* to_string(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::kTotal: return "total";
    case PlaceKind::kDestination: return "destination";
    case PlaceKind::kCheckpoint: return "checkpoint";
    case PlaceKind::kFlight: return "flight";
    case PlaceKind::kRoad: return "road";
    case PlaceKind::kLeaverKind: return "leaver_kind";
  }
  return "?";
}

std::vector<std::string> SeriesTable::dates() const {
  std::vector<std::string> out;
  out.reserve(days());
  for (std::size_t d = 0; d < days(); ++d) out.push_back((start_ + static_cast<std::int32_t>(d)).iso());
  return out;
}

std::size_t SeriesTable::add(PlaceKind kind, std::string place, std::size_t index, std::string metric) {
  series_.push_back({kind, std::move(place), std::move(metric), index, {}});
  return series_.size() - 1;
}

const DailySeries* SeriesTable::find(PlaceKind kind, std::size_t index, std::string_view metric) const {
  for (const auto& s : series_)
    if (s.kind == kind && s.index == index && s.metric == metric) return &s;
  return nullptr;
}

double SeriesTable::at(PlaceKind kind, std::size_t index, std::string_view metric, std::size_t day) const {
  const auto* s = find(kind, index, metric);
  return s && day < s->values.size() ? s->values[day] : 0.0;
}

double SeriesTable::sum(PlaceKind kind, std::size_t index, std::string_view metric, std::size_t first,
                        std::size_t last) const {
  const auto* s = find(kind, index, metric);
  if (!s) return 0;
  double total = 0;
  for (std::size_t d = first; d <= last && d < s->values.size(); ++d) total += s->values[d];
  return total;
}

}  // namespace exodus
