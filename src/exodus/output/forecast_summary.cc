#include "exodus/output/forecast_summary.h"

#include <fmt/format.h>

#include <cmath>

#include "exodus/core/digit_grouping.h"
#include "exodus/output/interval_json.h"

namespace exodus {

using nlohmann::json;

nlohmann::json totals_json(const std::vector<ForecastTotal>& totals) {
  json out = json::array();
  for (const auto& t : totals)
    out.push_back({{"total", t.label}, {"metric", t.metric}, {"place", t.place}, {"from", t.first.iso()},
                   {"to", t.last.iso()}, {"interval", interval_json(t.interval)}});
  return out;
}

std::string table_number(double v) {
  if (std::abs(v) >= 1000) return grouped(std::llround(v));
  return fmt::format("{:.3g}", v);
}

std::string totals_table(const std::vector<ForecastTotal>& totals, const std::string& metric) {
  std::string out = fmt::format("\n  {:<52} {:>10} {:>23} {:>23}\n", "forecast", "median", "50% interval", "90% interval");
  for (const auto& t : totals) {
    if (t.metric != metric) continue;
    const auto& i = t.interval;
    out += fmt::format("  {:<52} {:>10} {:>23} {:>23}\n", t.label, table_number(i.median),
                       table_number(i.lo50) + " to " + table_number(i.hi50), table_number(i.lo90) + " to " + table_number(i.hi90));
  }
  return out;
}

std::string misfits_table(const ReportSet& reports, const std::vector<ReportFit>& fits, const std::string& what) {
  std::string misfits;
  for (const auto& f : fits)
    if (f.flagged) {
      const auto& r = reports.reports[f.report];
      misfits += fmt::format("  {:<24} {:<14} {:>12} predictive 90% {} to {} (tail {:.3f})\n", r.id, to_string(r.metric),
                             table_number(r.value), table_number(f.predictive.lo90), table_number(f.predictive.hi90), f.tail);
    }
  return misfits.empty() ? fmt::format("\n  every {} lies within its predictive interval\n", what)
                         : fmt::format("\n  {}s that do not fit:\n", what) + misfits;
}

}  // namespace exodus
