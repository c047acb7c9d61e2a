#include "exodus/infer/parameter_summary.h"

#include "exodus/core/random_streams.h"
#include "exodus/infer/posterior_runs.h"

namespace exodus {

namespace {
constexpr std::size_t kPriorSummaryDraws = 4000;
using inference_stream::kPriorSummary;
}  // namespace

ParameterSummary summarize_parameter(const ParameterPrior& p, std::size_t d, const SmcResult& smc, std::uint64_t seed) {
  ParameterSummary out;
  out.prior = d;
  std::vector<double> draws(kPriorSummaryDraws), equal(kPriorSummaryDraws, 1.0 / kPriorSummaryDraws);
  for (std::size_t i = 0; i < kPriorSummaryDraws; ++i) {
    CounterRng rng(seed, RandomPurpose::kInference, static_cast<std::uint32_t>(i), kPriorSummary + static_cast<std::uint32_t>(d));
    draws[i] = draw_working(p, rng);
  }
  std::vector<double> post;
  for (const auto& x : smc.x) post.push_back(x[d]);
  out.prior_interval = value_interval(p, draws, equal);
  out.posterior_interval = value_interval(p, post, smc.weights);
  const auto w = [&](double v) { return working_of(p, v); };
  const double prior_width = w(out.prior_interval.hi90) - w(out.prior_interval.lo90);
  if (prior_width > 0) {
    out.shift = (w(out.posterior_interval.median) - w(out.prior_interval.median)) / prior_width;
    out.width_ratio = (w(out.posterior_interval.hi90) - w(out.posterior_interval.lo90)) / prior_width;
  }
  return out;
}

}  // namespace exodus
