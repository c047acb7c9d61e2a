#pragma once
// Most figures count every day of a window on a set of corridors, each corridor with one weight
// (departures and entries; a daily mean scales them all). Such a figure's departures part is
//     scale · (P[last + 1] − P[first]),  P[t] = Σ over days before t of Σ_k rel_k · flow[k][day],
// and the prefix sums P of one corridor set serve every figure on it: a report set's cumulative
// "ALL departures" windows cost one pass over the days together instead of one pass each. The
// gradient is the same in reverse: each figure's slope enters a difference array over days, and
// one running sum gives each day the total slope of the windows that count it.
#include <cstddef>
#include <utility>
#include <vector>

#include "exodus/observe/report_weights.h"

namespace exodus {

class WindowSums {
 public:
  WindowSums() = default;
  // weights: one per report; flows are indexed k · days + t; days before first_day hold none.
  WindowSums(const std::vector<ReportWeights>& weights, std::size_t first_day, std::size_t days);

  // Whether the report's departure weights are one window (else they are summed term by term).
  bool holds(std::size_t report) const { return windows_[report].set >= 0; }
  // Every (flow index, weight) of a report's window, for the curvature, which needs each term.
  template <typename Visit>
  void for_each_term(std::size_t report, Visit&& visit) const {
    const auto& w = windows_[report];
    if (w.set < 0) return;
    for (const auto& [k, rel] : sets_[static_cast<std::size_t>(w.set)].members)
      for (std::size_t t = w.first; t <= w.last; ++t) visit(k * days_ + t, w.scale * rel);
  }

  // The work space of one evaluation (one per thread).
  struct Pass {
    std::vector<double> prefix, slope, daily;
    std::vector<int> open;
  };
  // Prefix sums of the flows; with_gradient readies the slopes' difference arrays.
  void begin(const double* flows, bool with_gradient, Pass& pass) const;
  // The report's window sum (0 when it has no window).
  double sum(std::size_t report, const Pass& pass) const;
  // Adds ∂ℓ/∂(the report's window sum) to the pass.
  void add_slope(std::size_t report, double slope, Pass& pass) const;
  // gradient[i] += Σ over windows of their slope · weight · flow_slope[i].
  void add_gradient(const double* flow_slope, double* gradient, Pass& pass) const;

 private:
  struct CorridorSet {
    std::vector<std::pair<std::size_t, double>> members;  // corridor, weight relative to the first
    std::size_t first = 0, last = 0;                      // the days its windows span, together
  };
  struct Window {
    int set = -1;  // -1: the report is not of this form
    std::size_t first = 0, last = 0;
    double scale = 0;
  };
  std::size_t days_ = 0;
  std::vector<CorridorSet> sets_;
  std::vector<Window> windows_;
};

}  // namespace exodus
