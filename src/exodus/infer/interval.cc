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
Interval interval_of(std::vector<std::pair<double, double>>& vw) {
  std::sort(vw.begin(), vw.end());
  std::erase_if(vw, [](const auto& p) { return !(p.second > 0); });
  Interval out;
  if (vw.empty()) return out;
  double total = 0;
  for (const auto& p : vw) total += p.second;
  const double n = static_cast<double>(vw.size()), shrink = n / (n + 1) / total;
  const double qs[] = {0.05, 0.25, 0.5, 0.75, 0.95};
  double* slots[] = {&out.lo90, &out.lo50, &out.median, &out.hi50, &out.hi90};
  double previous_position = 0, previous_value = vw.front().first, cumulative = 0;
  std::size_t q = 0;
  for (std::size_t k = 0; k < vw.size() && q < 5; ++k) {
    cumulative += vw[k].second;
    const double position = cumulative * shrink, value = vw[k].first;
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
