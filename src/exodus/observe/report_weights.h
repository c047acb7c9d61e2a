#pragma once
// The observation model's deterministic part: every flow metric a report can give is linear in
// the daily departures D[k][t] and the daily ordinary traffic b[k] of the corridors it names:
//   expected(report) = Σ_k Σ_t W[k][t] D[k][t] + Σ_k C[k] b[k].
// Queue lengths and waits are not functions of flows alone; such reports are marked unused.
#include <string>
#include <vector>

#include "exodus/observe/flow_layout.h"
#include "exodus/world/reports.h"

namespace exodus {

struct ReportWeights {
  bool used = false;
  std::string why_unused;
  std::vector<std::vector<double>> w;  // [corridor][day] weight on departures
  std::vector<double> c;               // [corridor] weight on ordinary daily traffic
  bool signed_metric = false;          // net arrivals can be negative
};

// Corridor indices a report names (all for ALL). Empty when it names none of the layout's.
std::vector<std::size_t> corridors_named(const FlowLayout& layout, const Report& r);

ReportWeights weights_for(const FlowLayout& layout, const Report& r);

double expected_value(const ReportWeights& w, const std::vector<std::vector<double>>& departures,
                      const std::vector<double>& ordinary);

}  // namespace exodus
