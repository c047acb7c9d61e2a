#pragma once
#include <cmath>

namespace exodus {

// Great-circle distance in km between two points given in degrees.
inline double great_circle_km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRadius = 6371.0;
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  const double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kRadius * std::atan2(std::sqrt(a), std::sqrt(1 - a));
}

}  // namespace exodus
