#pragma once
// The mean of a sample and its standard deviation with n - 1 in the denominator: what the
// benches and the calibration's checks report of a quantity over seeds or runs.
#include <cmath>
#include <span>

namespace exodus {

struct SampleMoments {
  double mean = 0, sd = 0;  // sd: 0 for fewer than two values
};

inline SampleMoments sample_moments(std::span<const double> values) {
  SampleMoments out;
  if (values.empty()) return out;
  for (const double v : values) out.mean += v;
  out.mean /= static_cast<double>(values.size());
  if (values.size() < 2) return out;
  double squares = 0;  // about the mean: no cancellation as with Σx² - n·mean²
  for (const double v : values) squares += (v - out.mean) * (v - out.mean);
  out.sd = std::sqrt(squares / static_cast<double>(values.size() - 1));
  return out;
}

}  // namespace exodus
