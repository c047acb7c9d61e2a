#include "exodus/output/reports_fit_csv.h"

#include <fmt/format.h>

#include "exodus/core/csv.h"
#include "exodus/output/run_report_fit_outputs.h"

namespace exodus {

namespace {

// Its checkpoint, or its destinations joined by ';'.
std::string place_of(const Report& r) {
  if (!r.checkpoint.empty()) return r.checkpoint;
  std::string names;
  for (const auto& d : r.destinations) names += (names.empty() ? "" : ";") + d;
  return names;
}

std::string number(double v) { return fmt::format("{:.6g}", v); }
std::string optional_number(const std::optional<double>& v) { return v ? number(*v) : std::string(); }

}  // namespace

std::vector<FigureFitRow> figure_fit_rows(const std::vector<RunReportFit>& fits) {
  std::vector<FigureFitRow> rows;
  for (const auto& f : fits) {
    FigureFitRow row{f.report, f.file, f.compared, f.why_not, {}, f.predictive, f.tail_probability, verdict_of(f)};
    const double v = f.simulated;
    row.expected = {v, v, v, v, v};
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<FigureFitRow> figure_fit_rows(const ReportSet& reports, const std::vector<ReportFit>& fits) {
  std::vector<FigureFitRow> rows;
  for (const auto& f : fits)
    rows.push_back({&reports.reports[f.report], reports.file, f.used, f.why_unused, f.expected, f.predictive, f.tail,
                    !f.used ? "n/c" : f.flagged ? "MISS" : "fits"});
  return rows;
}

std::string reports_fit_csv(const std::vector<FigureFitRow>& rows) {
  std::string out =
      "file,id,metric,place,window,kind,observed,observed_low,observed_high,reported_by,reported_on,compared,"
      "why_not_compared,expected_median,expected_lo90,expected_hi90,predictive_median,predictive_lo90,predictive_hi90,"
      "tail_probability,verdict\n";
  for (const auto& row : rows) {
    const Report& r = *row.report;
    const std::string window = (r.window_start ? r.window_start->iso() : std::string()) + "/" + r.window_end.iso();
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},", csv_field(row.file), csv_field(r.id),
                       to_string(r.metric), csv_field(place_of(r)), window, to_string(r.kind), number(r.value),
                       optional_number(r.low), optional_number(r.high), csv_field(r.reported_by),
                       r.reported_on ? r.reported_on->iso() : std::string(), row.compared ? "yes" : "no",
                       csv_field(row.why_not_compared));
    if (row.compared)
      out += fmt::format("{},{},{},{},{},{},{:.4f},{}\n", number(row.expected.median), number(row.expected.lo90),
                         number(row.expected.hi90), number(row.predictive.median), number(row.predictive.lo90),
                         number(row.predictive.hi90), row.tail, csv_field(row.verdict));
    else
      out += fmt::format(",,,,,,,{}\n", csv_field(row.verdict));
  }
  return out;
}

}  // namespace exodus
