#include "exodus/infer/interval.h"

#include <algorithm>
#include <cstddef>

namespace exodus {

// Each sorted draw k of n stands at the position C_k · n / (n + 1), C_k the weight up to and
// including it; a quantile is read between positions by straight lines, and beyond the ends is
// the end draw. With equal weights this is Hyndman & Fan's (1996, "Sample quantiles in
// statistical packages", Am. Stat. 50:361-365) definition 6, p(n + 1), whose interval between
// the p and 1 - p quantiles of n independent draws holds a further draw with chance 1 - 2p on
// average: a calibration's 32 members give a 90% interval that holds 90%, not the 29/33 that
// their 2nd and 31st draws would.
//
// A mixture of n members seen through K draws each is not n·K independent draws: where the
// members differ more than their draws do, the p quantile of the n·K draws sits at position
// about pn + ½ among the members, and the interval holds a further member's value with chance
// (n(1 − 2p) − 1)/(n + 1), 87.1% to 88.5% for a 90% interval of 64 members (measured: 88.2%
// to 89.1%). So with `members` the positions are those of definition 6 among the members: a draw whose
// cumulative weight is C at its middle stands at (nC + ½)/(n + 1), which puts a member seen
// through draws close together at k/(n + 1), as definition 6 puts the k-th of n draws. Where
// the draws spread as much as the members or more, this widens the interval a little: in the
// tests' mixtures of 64 members seen through 8 draws each (infer/interval_test), a 90% interval
// holds 91.0% with the draws 1/20 of the members' spread, 90.9% at the same spread, 91.6% at 5
// times it; read as draws, 89.1% at 1/20.
Interval interval_of(std::vector<std::pair<double, double>>& vw, std::size_t members) {
  std::sort(vw.begin(), vw.end());
  std::erase_if(vw, [](const auto& p) { return !(p.second > 0); });
  Interval out;
  if (vw.empty()) return out;
  double total = 0;
  for (const auto& p : vw) total += p.second;
  const double n = static_cast<double>(vw.size()), shrink = n / (n + 1) / total;
  const double m = static_cast<double>(members);
  // The position of a draw whose cumulative weight, its own included, is `cumulative`.
  const auto position_of = [&](double cumulative, double weight) {
    return members > 0 ? (m * (cumulative - weight / 2) / total + 0.5) / (m + 1) : cumulative * shrink;
  };
  const double qs[] = {0.05, 0.25, 0.5, 0.75, 0.95};
  double* slots[] = {&out.lo90, &out.lo50, &out.median, &out.hi50, &out.hi90};
  double previous_position = 0, previous_value = vw.front().first, cumulative = 0;
  std::size_t q = 0;
  for (std::size_t k = 0; k < vw.size() && q < 5; ++k) {
    cumulative += vw[k].second;
    const double position = position_of(cumulative, vw[k].second), value = vw[k].first;
    while (q < 5 && qs[q] <= position) {
      // Below the first draw's position the quantile is the first draw.
      const double t = k == 0 || position <= previous_position
                           ? 1.0
                           : (qs[q] - previous_position) / (position - previous_position);
      *slots[q++] = previous_value + t * (value - previous_value);
    }
    previous_position = position;
    previous_value = value;
  }
  while (q < 5) *slots[q++] = vw.back().first;
  return out;
}

}  // namespace exodus
