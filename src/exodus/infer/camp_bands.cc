#include "exodus/infer/camp_bands.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "exodus/core/random.h"
#include "exodus/core/random_streams.h"

namespace exodus {

namespace {
// The discrepancy draws' stream: b = this tag plus the member (members stay under 2^24).
using inference_stream::kCampBand;
}  // namespace

CampBands camp_bands(std::span<const CampTable* const> runs, std::span<const double> weights, std::span<const double> sd,
                     std::uint64_t seed, int draws, const CampError& error) {
  if (runs.size() != weights.size() || runs.size() != sd.size())
    throw std::invalid_argument("camp_bands: one weight and one discrepancy per run");
  if (draws < 1) throw std::invalid_argument("camp_bands: at least one draw a member");
  if (!(error.floor() > 0)) throw std::invalid_argument("camp_bands: the floor must be positive");
  const CampTable* first = nullptr;
  std::size_t members = 0;
  for (std::size_t m = 0; m < runs.size(); ++m)
    if (runs[m] && weights[m] > 0) {
      if (!first) first = runs[m];
      ++members;
      if (runs[m]->camps != first->camps || runs[m]->days() != first->days())
        throw std::invalid_argument("camp_bands: the runs are not of one case");
    }
  CampBands out;
  if (!first) return out;
  out.camps = first->camps;
  const std::size_t C = out.camps.size(), T = first->days();
  out.bands.assign(T, std::vector<Interval>(C));
  std::vector<std::pair<double, double>> vw;
  for (std::size_t t = 0; t < T; ++t)
    for (std::size_t c = 0; c < C; ++c) {
      vw.clear();
      for (std::size_t m = 0; m < runs.size(); ++m) {
        if (!runs[m] || !(weights[m] > 0)) continue;
        CounterRng rng(seed, RandomPurpose::kInference, static_cast<std::uint32_t>(t * C + c),
                       kCampBand + static_cast<std::uint32_t>(m));
        const double scaled_sim = error.scaled(static_cast<double>(runs[m]->sim[t][c]));
        for (int k = 0; k < draws; ++k)
          vw.emplace_back(error.draw(scaled_sim, sd[m], standard_normal(rng)), weights[m] / draws);
      }
      out.bands[t][c] = interval_of(vw, members);
    }
  return out;
}

}  // namespace exodus
