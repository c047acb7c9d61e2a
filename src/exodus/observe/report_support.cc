#include "exodus/observe/report_support.h"

#include <algorithm>

namespace exodus {

const char* to_string(FlowBasis b) {
  switch (b) {
    case FlowBasis::kBeforeShock: return "before_shock";
    case FlowBasis::kReport: return "report";
    case FlowBasis::kAggregate: return "aggregate";
    case FlowBasis::kPrior: return "prior";
    case FlowBasis::kExtrapolated: return "extrapolated";
  }
  return "?";
}

const char* to_string(CorridorSupportKind k) {
  switch (k) {
    case CorridorSupportKind::kOwnReports: return "own_reports";
    case CorridorSupportKind::kAggregatesOnly: return "aggregates_only";
    case CorridorSupportKind::kPriorOnly: return "prior_only";
  }
  return "?";
}

std::int32_t ReportSupport::extrapolated_days(std::int32_t first, std::int32_t last) const {
  const std::int32_t from = std::max(first, covered_through + 1);
  return last >= from ? last - from + 1 : 0;
}

ReportSupport report_support(const FlowLayout& layout, const std::vector<ReportWeights>& weights) {
  const std::size_t K = layout.corridor_count();
  const auto T = static_cast<std::size_t>(layout.days);
  ReportSupport out;
  out.corridors.resize(K);
  // Per cell: 2 when a report of that corridor alone covers it, 1 when only sums do.
  std::vector<std::vector<int>> level(K + 1, std::vector<int>(T, 0));
  const std::ptrdiff_t first = std::clamp<std::ptrdiff_t>(layout.shock_day, 0, static_cast<std::ptrdiff_t>(T));
  for (std::size_t r = 0; r < weights.size(); ++r) {
    const auto& w = weights[r];
    if (!w.used) continue;
    // A report speaks of a corridor's leavers when it weighs its departures on a day with
    // leavers (a count before the shock speaks of ordinary traffic only).
    std::vector<std::size_t> named;
    for (std::size_t k = 0; k < K; ++k)
      if (std::any_of(w.w[k].begin() + first, w.w[k].end(), [](double x) { return x != 0; })) named.push_back(k);
    if (named.empty()) continue;
    const bool alone = named.size() == 1, all = named.size() == K;
    for (const auto k : named) {
      (alone ? out.corridors[k].own : out.corridors[k].aggregate).push_back(r);
      for (auto t = static_cast<std::size_t>(first); t < T; ++t)
        if (w.w[k][t] != 0) {
          level[k][t] = std::max(level[k][t], alone ? 2 : 1);
          level[K][t] = std::max(level[K][t], all ? 2 : 1);
          out.covered_through = std::max(out.covered_through, static_cast<std::int32_t>(t));
        }
    }
  }
  out.basis.assign(K + 1, std::vector<FlowBasis>(T, FlowBasis::kPrior));
  for (std::size_t k = 0; k <= K; ++k)
    for (std::size_t t = 0; t < T; ++t) {
      const auto day = static_cast<std::int32_t>(t);
      FlowBasis& b = out.basis[k][t];
      if (day < layout.shock_day) b = FlowBasis::kBeforeShock;
      else if (day > out.covered_through) b = FlowBasis::kExtrapolated;
      else if (level[k][t] == 2) b = FlowBasis::kReport;
      else if (level[k][t] == 1) b = FlowBasis::kAggregate;
    }
  return out;
}

}  // namespace exodus
