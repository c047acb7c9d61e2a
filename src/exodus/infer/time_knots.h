#pragma once
// A daily series described by its values on a few knot days, linearly interpolated between
// them. Latent flows need daily detail only where reports can see it (the days around a
// shock); elsewhere a knot a week keeps the posterior small enough to sample quickly.
#include <cstdint>
#include <vector>

namespace exodus {

class TimeKnots {
 public:
  // Knots on the first and last day, every `step` days counted from `anchor`, and on every
  // day in [dense_from, dense_to] (an empty range when dense_from > dense_to).
  TimeKnots(std::int32_t days, std::int32_t anchor, std::int32_t step, std::int32_t dense_from, std::int32_t dense_to);

  std::size_t size() const { return knot_days_.size(); }
  std::int32_t days() const { return days_; }
  std::int32_t knot_day(std::size_t j) const { return knot_days_[j]; }
  // Day t's value is (1 - weight(t)) · knot[left(t)] + weight(t) · knot[left(t) + 1];
  // knot[left(t) + 1] exists whenever weight(t) > 0.
  std::size_t left(std::int32_t t) const { return left_[static_cast<std::size_t>(t)]; }
  double weight(std::int32_t t) const { return weight_[static_cast<std::size_t>(t)]; }

 private:
  std::int32_t days_;
  std::vector<std::int32_t> knot_days_;
  std::vector<std::size_t> left_;
  std::vector<double> weight_;
};

}  // namespace exodus
