#include "exodus/score/flee_score.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>


namespace exodus {

double flee_total_error(const CampTable& t, std::size_t day) {
  if (t.raw_count[day] <= 0) return 0.0;
  double sum = 0;
  for (std::size_t c = 0; c < t.camps.size(); ++c)
    sum += static_cast<double>(std::llabs(t.sim[day][c] - t.data[day][c]));
  return sum / static_cast<double>(t.raw_count[day]);
}

FleeScore score_flee(const CampTable& t, std::size_t days) {
  FleeScore s;
  const std::size_t n = days == 0 || days > t.days() ? t.days() : days;
  for (std::size_t d = 0; d < n; ++d) {
    const double denominator = static_cast<double>(std::max<std::int64_t>(t.data_in_camps[d], 1));
    double raw = 0, rescaled = 0;
    for (std::size_t c = 0; c < t.camps.size(); ++c) {
      const auto sim = t.sim[d][c];
      const auto data = t.data[d][c];
      raw += static_cast<double>(std::llabs(sim - data));
      // Flee's int() truncation, kept in a double: a hand-made file's counts may make the
      // product too large for an integer, and below 2^53 the double is exact.
      double scaled = 0;
      if (t.sim_in_camps[d] > 0)
        scaled = std::trunc(static_cast<double>(sim) * static_cast<double>(t.data_in_camps[d]) /
                            static_cast<double>(t.sim_in_camps[d]));
      rescaled += std::abs(scaled - static_cast<double>(data));
    }
    s.error.push_back(raw / denominator);
    s.error_rescaled.push_back(rescaled / denominator);
    s.total_error.push_back(flee_total_error(t, d));
  }
  const auto mean = [](const std::vector<double>& v) {
    double sum = 0;
    for (double x : v) sum += x;
    return v.empty() ? 0.0 : sum / static_cast<double>(v.size());
  };
  s.ard = mean(s.error);
  s.ard_rescaled = mean(s.error_rescaled);
  s.mean_total_error = mean(s.total_error);
  return s;
}

}  // namespace exodus
