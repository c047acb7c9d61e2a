#include "exodus/ranks/series_bytes.h"

#include <stdexcept>

namespace exodus {

void put_series(ByteWriter& w, const SeriesTable& table) {
  w.put<std::int32_t>(table.start().days());
  w.put<std::uint64_t>(table.series().size());
  for (const auto& s : table.series()) {
    w.put<std::uint8_t>(static_cast<std::uint8_t>(s.kind));
    w.put_string(s.place);
    w.put_string(s.metric);
    w.put<std::uint64_t>(s.index);
    w.put_vector(std::span<const double>(s.values));
  }
}

SeriesTable get_series(ByteReader& r) {
  SeriesTable table(Date::from_days(r.get<std::int32_t>()));
  const auto count = r.get<std::uint64_t>();
  for (std::uint64_t i = 0; i < count; ++i) {
    const auto kind = r.get<std::uint8_t>();
    if (kind > static_cast<std::uint8_t>(PlaceKind::kRoad)) throw std::runtime_error("a series between ranks has no kind");
    std::string place = r.get_string(), metric = r.get_string();
    const auto index = static_cast<std::size_t>(r.get<std::uint64_t>());
    const auto at = table.add(static_cast<PlaceKind>(kind), std::move(place), index, std::move(metric));
    table.series()[at].values = r.get_vector<double>();
  }
  return table;
}

}  // namespace exodus
