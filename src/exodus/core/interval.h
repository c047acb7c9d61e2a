#pragma once
// A posterior's summary as every verb prints it: the median and the central 50% and 90%
// intervals, from weighted draws.
#include <cstddef>
#include <utility>
#include <vector>

namespace exodus {

struct Interval {
  double median = 0, lo50 = 0, hi50 = 0, lo90 = 0, hi90 = 0;
};

// From (value, weight) pairs whose weights sum to one; sorts them.
//
// `members` > 0: the draws are a mixture of that many independent members, each seen through
// several draws (a calibration's runs, each with draws of its discrepancy or of a report's
// error), and the truth is like a further member, not a further draw: see interval.cc.
Interval interval_of(std::vector<std::pair<double, double>>& value_weight, std::size_t members = 0);

// The same as interval_of of (value, weight) pairs that all have this weight (a sampler's
// draws), bit for bit, by selecting the few order statistics it reads rather than sorting:
// reorders the values.
Interval interval_of_equal_weights(std::vector<double>& values, double weight);

}  // namespace exodus
