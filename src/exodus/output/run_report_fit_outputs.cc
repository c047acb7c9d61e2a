#include "exodus/output/run_report_fit_outputs.h"

#include <fmt/format.h>

#include <cmath>
#include <optional>

#include "exodus/core/csv.h"
#include "exodus/core/digit_grouping.h"

namespace exodus {

namespace {

std::string where(const Report& r) {
  std::string names;
  for (const auto& d : r.destinations) names += (names.empty() ? "" : ";") + d;
  return r.checkpoint.empty() ? names : r.checkpoint;
}

std::string window(const Report& r, const Scenario* s) {
  const std::string start = r.window_start ? r.window_start->iso() : s ? s->shock_date.iso() : "";
  return start + "/" + r.window_end.iso();
}

// Figures as a reader compares them: whole numbers, or one decimal below 100 (hours, km).
std::string figure(double v) {
  if (std::abs(v) < 100 && std::abs(v - std::round(v)) > 1e-9) return fmt::format("{:.1f}", v);
  return grouped(std::llround(v));
}

}  // namespace

const char* verdict_of(const RunReportFit& f) {
  if (!f.compared) return "n/c";
  if (f.checks_inputs) return f.fits ? "input" : "input MISS";
  return f.fits ? "fits" : "MISS";
}

nlohmann::json run_reports_fit_json(const std::vector<RunReportFit>& fits) {
  nlohmann::json rows = nlohmann::json::array();
  int compared = 0, fit = 0, inputs = 0, inputs_fit = 0;
  for (const auto& f : fits) {
    if (f.compared && !f.checks_inputs) compared += 1, fit += f.fits;
    if (f.compared && f.checks_inputs) inputs += 1, inputs_fit += f.fits;
    rows.push_back({{"file", f.file}, {"id", f.report->id}, {"metric", to_string(f.report->metric)},
                    {"kind", to_string(f.report->kind)}, {"observed", f.report->value}, {"simulated", f.simulated},
                    {"tail_probability", f.tail_probability}, {"verdict", verdict_of(f)}, {"why_not_compared", f.why_not}});
  }
  return {{"total", fits.size()}, {"compared", compared}, {"fit", fit}, {"inputs_compared", inputs},
          {"inputs_fit", inputs_fit}, {"rows", rows}};
}

std::string run_reports_fit_table(const Scenario& s, const std::vector<RunReportFit>& fits) {
  if (fits.empty()) return "";
  int compared = 0, fit = 0, inputs = 0, inputs_fit = 0, skipped = 0;
  for (const auto& f : fits) {
    if (!f.compared) skipped += 1;
    else if (f.checks_inputs) inputs += 1, inputs_fit += f.fits;
    else compared += 1, fit += f.fits;
  }
  std::string out = fmt::format(
      "\n  published figures (scenario.yaml reports): {} of {} fit within their kind's error; {} of {} from before\n"
      "  the shock fit (they check the scenario's ordinary traffic, an input); {} not compared\n",
      fit, compared, inputs_fit, inputs, skipped);
  out += fmt::format("  {:<10} {:<22} {:<14} {:<22} {:<21} {:<11} {:>10} {:>10}  {}\n", "", "id", "metric", "place",
                     "window", "kind", "observed", "simulated", "a report of its kind would say (90%)");
  for (const auto& f : fits) {
    const Report& r = *f.report;
    std::string range = !f.compared ? f.why_not
                        : r.kind == ReportKind::kLowerBound ? "(a lower bound: the run must not be below it)"
                        : r.kind == ReportKind::kDenial     ? "(a denial: the run must not be above it)"
                                                            : figure(f.predictive.lo90) + " to " + figure(f.predictive.hi90);
    out += fmt::format("  {:<10} {:<22} {:<14} {:<22} {:<21} {:<11} {:>10} {:>10}  {}\n", verdict_of(f),
                       r.id.substr(0, 22), to_string(r.metric), where(r).substr(0, 22), window(r, &s), to_string(r.kind),
                       figure(r.value), f.compared || f.simulated != 0 ? figure(f.simulated) : "", range);
  }
  out += "  A count fits within about ±30% (its ±10% error with a Student-t tail), an estimate or a claim within\n"
         "  their looser errors and their source's bias; waits compare the longest wait of a day's crossers.\n";
  return out;
}

}  // namespace exodus
