#include "exodus/core/geo.h"

#include <gtest/gtest.h>

namespace exodus {
namespace {

TEST(Geo, GreatCircleDistancesAreKnownOnes) {
  // Moscow to St Petersburg, about 634 km; a quarter of the equator, about 10,008 km.
  EXPECT_NEAR(great_circle_km(55.7558, 37.6173, 59.9343, 30.3351), 634, 2);
  EXPECT_NEAR(great_circle_km(0, 0, 0, 90), 10007.5, 0.1);
  EXPECT_EQ(great_circle_km(42.7, 44.6, 42.7, 44.6), 0);
}

TEST(Geo, TheChordFormulaAgreesWithTheHaversine) {
  const double points[][2] = {{42.76806, 44.63111}, {60.6, 27.80833}, {50.31667, 106.49417}, {46.95, 48.85},
                              {69.65778, 30.20583}, {-33.9, 18.4},    {0, 179.9},            {0, -179.9}};
  for (const auto& a : points)
    for (const auto& b : points) {
      const double haversine = great_circle_km(a[0], a[1], b[0], b[1]);
      const double chord = great_circle_km(SpherePoint::of(a[0], a[1]), SpherePoint::of(b[0], b[1]));
      EXPECT_NEAR(chord, haversine, 1e-6 + 1e-9 * haversine) << a[0] << "," << a[1] << " to " << b[0] << "," << b[1];
    }
}

}  // namespace
}  // namespace exodus
