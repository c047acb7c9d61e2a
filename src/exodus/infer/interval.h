#pragma once
// A posterior's summary as every verb prints it: the median and the central 50% and 90%
// intervals, from weighted draws.
#include <utility>
#include <vector>

namespace exodus {

struct Interval {
  double median = 0, lo50 = 0, hi50 = 0, lo90 = 0, hi90 = 0;
};

// From (value, weight) pairs whose weights sum to one; sorts them.
Interval interval_of(std::vector<std::pair<double, double>>& value_weight);

}  // namespace exodus
