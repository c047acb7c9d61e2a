#include "exodus/infer/camp_forecast_check.h"

#include <cmath>
#include <stdexcept>

#include "exodus/score/flee_score.h"

namespace exodus {

namespace {

std::int64_t weighted_median(const std::vector<const CampTable*>& runs, const std::vector<double>& weights,
                             const std::vector<std::int64_t> CampTable::*column, std::size_t day) {
  std::vector<std::pair<double, double>> vw;
  double total = 0;
  for (std::size_t m = 0; m < runs.size(); ++m)
    if (runs[m] && weights[m] > 0) total += weights[m];
  for (std::size_t m = 0; m < runs.size(); ++m)
    if (runs[m] && weights[m] > 0) vw.emplace_back(static_cast<double>((runs[m]->*column)[day]), weights[m] / total);
  // Read among the members, as the bands are.
  const std::size_t members = vw.size();
  return vw.empty() ? 0 : std::llround(interval_of(vw, members).median);
}

}  // namespace

CampTable median_table(const CampBands& bands, const std::vector<const CampTable*>& runs, const std::vector<double>& weights) {
  if (runs.size() != weights.size()) throw std::invalid_argument("median_table: one weight per run");
  const CampTable* like = nullptr;
  for (std::size_t m = 0; m < runs.size() && !like; ++m)
    if (runs[m] && weights[m] > 0) like = runs[m];
  CampTable t;
  if (!like) return t;
  if (like->camps != bands.camps || like->days() != bands.bands.size())
    throw std::invalid_argument("median_table: the bands are not of these runs");
  t.camps = bands.camps;
  t.data = like->data;
  t.data_in_camps = like->data_in_camps;
  t.raw_count = like->raw_count;
  for (std::size_t d = 0; d < bands.bands.size(); ++d) {
    std::vector<std::int64_t> sim;
    std::int64_t in_camps = 0;
    for (const auto& band : bands.bands[d]) {
      sim.push_back(std::llround(band.median));
      in_camps += sim.back();
    }
    t.sim.push_back(std::move(sim));
    t.sim_in_camps.push_back(in_camps);
    t.agents.push_back(weighted_median(runs, weights, &CampTable::agents, d));
    t.debt.push_back(weighted_median(runs, weights, &CampTable::debt, d));
  }
  return t;
}

double ard_from(const CampTable& table, std::int32_t first_day) {
  const FleeScore score = score_flee(table);
  double sum = 0;
  std::size_t n = 0;
  for (std::size_t d = static_cast<std::size_t>(std::max(first_day, 0)); d < score.error.size(); ++d, ++n) sum += score.error[d];
  return n ? sum / static_cast<double>(n) : 0.0;
}

CampForecastCheck check_camp_forecast(const CampBands& bands, const CampTable& median, const std::vector<bool>& observed,
                                      std::int32_t first_day) {
  if (observed.size() != bands.camps.size() || median.days() != bands.bands.size())
    throw std::invalid_argument("check_camp_forecast: the median table and the bands are not of one case");
  CampForecastCheck out;
  out.first_day = std::max(first_day, 0);
  out.last_day = static_cast<std::int32_t>(median.days()) - 1;
  if (out.last_day < out.first_day) return out;
  out.ard = ard_from(median, out.first_day);
  std::size_t in50 = 0, in90 = 0;
  for (auto d = static_cast<std::size_t>(out.first_day); d < median.days(); ++d)
    for (std::size_t c = 0; c < observed.size(); ++c) {
      if (!observed[c]) continue;
      const double data = static_cast<double>(median.data[d][c]);
      const auto& b = bands.bands[d][c];
      ++out.camp_days;
      in50 += data >= b.lo50 && data <= b.hi50;
      in90 += data >= b.lo90 && data <= b.hi90;
    }
  if (out.camp_days) {
    out.coverage50 = static_cast<double>(in50) / static_cast<double>(out.camp_days);
    out.coverage90 = static_cast<double>(in90) / static_cast<double>(out.camp_days);
  }
  return out;
}

}  // namespace exodus
