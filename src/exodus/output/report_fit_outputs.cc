#include "exodus/output/report_fit_outputs.h"

#include <fmt/format.h>

#include "exodus/core/csv.h"

namespace exodus {

std::string predictions_csv(const ReportSet& predicted, const std::vector<ReportPrediction>& predictions) {
  std::string out = "id,median,lo50,hi50,lo90,hi90,why_not\n";
  for (const auto& p : predictions) {
    const auto& r = predicted.reports[p.report];
    if (!p.predicted) {
      out += fmt::format("{},,,,,,{}\n", csv_field(r.id), csv_field(p.why_not));
      continue;
    }
    const auto& v = p.predictive;
    out += fmt::format("{},{:.6g},{:.6g},{:.6g},{:.6g},{:.6g},\n", csv_field(r.id), v.median, v.lo50, v.hi50, v.lo90,
                       v.hi90);
  }
  return out;
}

}  // namespace exodus
