#pragma once
// Distances on the Earth taken as a sphere of radius 6,371 km.
#include <algorithm>
#include <cmath>

namespace exodus {

inline constexpr double kEarthRadiusKm = 6371.0;
inline constexpr double kRadiansPerDegree = 3.14159265358979323846 / 180.0;

// Great-circle distance in km between two points given in degrees (the haversine formula).
inline double great_circle_km(double lat1, double lon1, double lat2, double lon2) {
  const double dlat = (lat2 - lat1) * kRadiansPerDegree, dlon = (lon2 - lon1) * kRadiansPerDegree;
  const double a = std::sin(dlat / 2) * std::sin(dlat / 2) + std::cos(lat1 * kRadiansPerDegree) *
                                                                 std::cos(lat2 * kRadiansPerDegree) *
                                                                 std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::atan2(std::sqrt(a), std::sqrt(1 - a));
}

// A point as a unit vector, for distances computed many times between the same points: the
// trigonometry is paid once per point, and a distance costs a square root and an arcsine.
struct SpherePoint {
  double x = 0, y = 0, z = 0;
  static SpherePoint of(double lat, double lon) {
    const double phi = lat * kRadiansPerDegree, lambda = lon * kRadiansPerDegree;
    return {std::cos(phi) * std::cos(lambda), std::cos(phi) * std::sin(lambda), std::sin(phi)};
  }
};

// The same great-circle distance from the chord between two unit vectors: 2 R asin(chord / 2).
inline double great_circle_km(const SpherePoint& a, const SpherePoint& b) {
  const double dx = a.x - b.x, dy = a.y - b.y, dz = a.z - b.z;
  const double half_chord = 0.5 * std::sqrt(dx * dx + dy * dy + dz * dz);
  return 2 * kEarthRadiusKm * std::asin(std::min(half_chord, 1.0));
}

}  // namespace exodus
