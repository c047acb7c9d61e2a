#include "exodus/infer/interval.h"

#include <algorithm>

namespace exodus {

Interval interval_of(std::vector<std::pair<double, double>>& vw) {
  std::sort(vw.begin(), vw.end());
  Interval out;
  const double qs[] = {0.05, 0.25, 0.5, 0.75, 0.95};
  double* slots[] = {&out.lo90, &out.lo50, &out.median, &out.hi50, &out.hi90};
  double acc = 0;
  std::size_t q = 0;
  for (const auto& [v, w] : vw) {
    acc += w;
    while (q < 5 && acc >= qs[q] - 1e-12) *slots[q++] = v;
  }
  while (q < 5) *slots[q++] = vw.empty() ? 0.0 : vw.back().first;
  return out;
}

}  // namespace exodus
