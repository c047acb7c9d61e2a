#pragma once
// How far a camp's counted population may lie from a Flee run's: the observation model of camp
// data (exodus calibrate --flee), as report_error.h is of published figures. Its likelihood
// scores a member's camp-days, and its draws make the forecast's bands (infer/camp_bands.h),
// so both read the error from here.
//   log(data + f) − log(sim + f) ~ Normal(0, sd²)
// f, the floor, is the mean observed camp's population on the last fitted day: an error is
// relative for a camp larger than the average one and about absolute, in units of f, for a
// smaller one. So a camp's weight follows its size, as in Flee's ARD, and a camp the model
// leaves empty while the data has a few people (or the reverse) is not an error of many orders
// of magnitude (docs/calibrate-flee.md).
#include <algorithm>
#include <cmath>

#include "exodus/world/parameter_prior.h"

namespace exodus {

class CampError {
 public:
  // The floor from the mean observed camp's population on the last fitted day (at least 1).
  static CampError with_mean_camp(double mean_population) { return CampError(std::max(1.0, mean_population)); }
  explicit CampError(double floor) : floor_(floor) {}

  double floor() const { return floor_; }
  // A population on the error's scale, log(x + f).
  double scaled(double population) const { return std::log(population + floor_); }
  // One camp-day's log-likelihood (up to a constant), data and run on that scale.
  static double log_likelihood(double scaled_data, double scaled_sim, double sd) {
    const double z = (scaled_data - scaled_sim) / sd;
    return -0.5 * z * z - std::log(sd);
  }
  // A population the data could show, given the run's on that scale and a standard normal
  // draw: never below zero.
  double draw(double scaled_sim, double sd, double standard_normal) const {
    return std::max(0.0, std::exp(scaled_sim + sd * standard_normal) - floor_);
  }

 private:
  double floor_;
};

// The prior on the error's sd: a median of 0.3 on the log(x + f) scale, from 0.09 to 0.95
// within 90%.
ParameterPrior camp_discrepancy_prior();

}  // namespace exodus
