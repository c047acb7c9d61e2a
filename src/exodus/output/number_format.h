#pragma once
// Numbers printed the way Python prints them, so files meant for Flee's tools look like
// Flee's own: shortest round-trip digits, and "1.0" rather than "1" for whole floats.
#include <cmath>
#include <string>

namespace exodus {

std::string python_float(double x);

// Python's round(x, 4) for the values Flee rounds (non-negative relative errors).
inline double round4(double x) { return std::nearbyint(x * 10000.0) / 10000.0; }

}  // namespace exodus
