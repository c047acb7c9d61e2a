#include "exodus/ranks/series_bytes.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace exodus {
namespace {

TEST(SeriesBytes, ATableComesBackBitForBit) {
  SeriesTable t(*Date::parse("2022-09-21"));
  const auto a = t.add(PlaceKind::kTotal, "ALL", 0, "departures");
  const auto b = t.add(PlaceKind::kRoad, "Moscow -> Verkhny Lars", 7, "queue_vehicles");
  t.series()[a].values = {1.0, 0.1 + 0.2, std::numeric_limits<double>::denorm_min()};
  t.series()[b].values = {-0.0, 1e300, 3};
  ByteWriter w;
  put_series(w, t);
  ByteReader r(w.bytes());
  const SeriesTable back = get_series(r);
  EXPECT_TRUE(r.done());
  EXPECT_EQ(back.start(), t.start());
  ASSERT_EQ(back.series().size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(back.series()[i].kind, t.series()[i].kind);
    EXPECT_EQ(back.series()[i].place, t.series()[i].place);
    EXPECT_EQ(back.series()[i].metric, t.series()[i].metric);
    EXPECT_EQ(back.series()[i].index, t.series()[i].index);
    ASSERT_EQ(back.series()[i].values.size(), 3u);
    for (std::size_t d = 0; d < 3; ++d)
      EXPECT_EQ(std::signbit(back.series()[i].values[d]), std::signbit(t.series()[i].values[d]));
    EXPECT_EQ(back.series()[i].values, t.series()[i].values);
  }
}

TEST(SeriesBytes, AShortMessageIsAnErrorNotAReadPastItsEnd) {
  SeriesTable t(*Date::parse("2022-09-21"));
  t.series()[t.add(PlaceKind::kTotal, "ALL", 0, "departures")].values = {1, 2, 3};
  ByteWriter w;
  put_series(w, t);
  auto bytes = w.bytes();
  for (const std::size_t keep : {std::size_t{0}, std::size_t{3}, bytes.size() / 2, bytes.size() - 1}) {
    ByteReader r(std::span<const std::byte>(bytes.data(), keep));
    EXPECT_THROW(get_series(r), std::runtime_error) << keep;
  }
}

}  // namespace
}  // namespace exodus
