#include "exodus/observe/flow_layout.h"

namespace exodus {

std::vector<double> exits_of(const CorridorInfo& c, const std::vector<double>& departures) {
  const double h_on = 1.0 / c.onward_days, h_ret = 1.0 / c.return_days;
  std::vector<double> exits(departures.size(), 0.0);
  double onward = 0, returning = 0;  // leavers abroad who will move on, or go home
  for (std::size_t t = 0; t < departures.size(); ++t) {
    const double out_on = onward * h_on, out_ret = returning * h_ret;
    exits[t] = out_on + out_ret;
    onward += departures[t] * c.onward_share - out_on;
    returning += departures[t] * c.return_share - out_ret;
  }
  return exits;
}

}  // namespace exodus
