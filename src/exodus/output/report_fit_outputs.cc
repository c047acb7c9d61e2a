#include "exodus/output/report_fit_outputs.h"

#include <fmt/format.h>

#include "exodus/core/csv.h"

namespace exodus {

namespace {
std::string destinations_of(const Report& r) {
  std::string s;
  for (const auto& d : r.destinations) s += (s.empty() ? "" : ";") + d;
  return s;
}
}  // namespace

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

std::string reports_fit_csv(const ReportSet& reports, const std::vector<ReportFit>& fits) {
  std::string out = "id,metric,destination,kind,value,used,why_unused,expected_median,expected_lo90,expected_hi90,"
                    "predictive_median,predictive_lo90,predictive_hi90,tail_probability,flagged\n";
  for (const auto& f : fits) {
    const auto& rep = reports.reports[f.report];
    out += fmt::format("{},{},{},{},{:.6g},{},{},", csv_field(rep.id, true), to_string(rep.metric), csv_field(destinations_of(rep), true),
                       to_string(rep.kind), rep.value, f.used ? "yes" : "no", csv_field(f.why_unused, true));
    if (f.used)
      out += fmt::format("{:.6g},{:.6g},{:.6g},{:.6g},{:.6g},{:.6g},{:.4f},{}\n", f.expected.median, f.expected.lo90,
                         f.expected.hi90, f.predictive.median, f.predictive.lo90, f.predictive.hi90, f.tail,
                         f.flagged ? "yes" : "no");
    else
      out += ",,,,,,,\n";
  }
  return out;
}

}  // namespace exodus
