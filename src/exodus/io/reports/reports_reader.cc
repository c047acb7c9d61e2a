#include "exodus/io/reports/reports_reader.h"

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <set>

#include "exodus/core/csv_table.h"
#include "exodus/core/digit_grouping.h"
#include "exodus/core/limits.h"
#include "exodus/core/parse.h"
#include "exodus/world/places.h"

namespace exodus {

namespace {

// What a figure says, whoever reported it and however it is quoted.
bool same_figure(const Report& a, const Report& b) {
  return a.metric == b.metric && a.destinations == b.destinations && a.checkpoint == b.checkpoint &&
         a.window_start == b.window_start && a.window_end == b.window_end && a.value == b.value && a.low == b.low &&
         a.high == b.high && a.kind == b.kind && a.direction == b.direction && a.unit == b.unit;
}

}  // namespace

ReportSet read_reports_as_one(const std::vector<TextFile>& files, std::int64_t max_reports) {
  ReportSet out;
  ErrorList errors;
  std::map<std::string, std::string> seen;
  for (const auto& file : files) {
    const ReportSet set = read_reports(file, max_reports);
    for (const auto& r : set.reports) {
      const auto [at, fresh] = seen.emplace(r.id, fmt::format("{}:{}", set.file, r.line));
      if (!fresh)
        errors.add({set.file, r.line, "id"}, fmt::format("id {} is also used at {}: an id names one figure", r.id, at->second));
      out.reports.push_back(r);
    }
    out.file += (out.file.empty() ? "" : ";") + set.file;
    if (static_cast<std::int64_t>(out.reports.size()) > max_reports)
      throw InputError({set.file, 0, ""}, fmt::format("brings the reports to {}; {}", grouped(static_cast<std::int64_t>(out.reports.size())),
                                                      limit_clause(max_reports, "--max-reports")));
  }
  errors.throw_if_any();
  return out;
}

void refuse_shared_ids(const ReportSet& predict, const ReportSet& fitted) {
  std::map<std::string, const Report*> by_id;
  for (const auto& r : fitted.reports) by_id.emplace(r.id, &r);
  ErrorList errors;
  for (const auto& r : predict.reports)
    if (const auto at = by_id.find(r.id); at != by_id.end() && !same_figure(r, *at->second))
      errors.add({predict.file, r.line, "id"},
                 fmt::format("id {} names another figure among those to fit ({}:{}): give the figure to predict an id "
                             "of its own",
                             r.id, fitted.file, at->second->line));
  errors.throw_if_any();
}

namespace {

// The destinations a report is about: one, ALL, or several joined by ';'.
void read_report_destinations(const CsvTable& t, const CsvRow& row, Report& r, ErrorList& errors) {
  for (std::string rest = t.cell(row, "destination"); !rest.empty();) {
    const auto cut = rest.find(';');
    const std::string d(trim(rest.substr(0, cut)));
    if (d.empty()) errors.add(t.pos(row, "destination"), "has an empty name between ';'");
    else r.destinations.push_back(d);
    rest = cut == std::string::npos ? "" : rest.substr(cut + 1);
  }
  if (r.destinations.empty()) errors.add(t.pos(row, "destination"), "is empty (a country, ALL, or several joined by ';')");
  if (r.destinations.size() > 1)
    for (const auto& d : r.destinations)
      if (d == kAllPlaces) errors.add(t.pos(row, "destination"), "ALL cannot be combined with other destinations");
}

// The days a report covers, and the day it was published.
void read_report_dates(const CsvTable& t, const CsvRow& row, Report& r, ErrorList& errors) {
  try {
    if (!t.cell(row, "window_start").empty())
      r.window_start = parse_date(t.cell(row, "window_start"), t.pos(row, "window_start"));
    r.window_end = parse_date(t.cell(row, "window_end"), t.pos(row, "window_end"));
    if (r.window_start && r.window_end < *r.window_start)
      errors.add(t.pos(row, "window_end"), "is before window_start");
  } catch (const InputError& e) { errors.add(e); }
  try {
    if (!t.cell(row, "reported_on").empty())
      r.reported_on = parse_date(t.cell(row, "reported_on"), t.pos(row, "reported_on"));
  } catch (const InputError& e) { errors.add(e); }
}

// One figure of a report (its value or a bound of its range): positive and plausible, or, for
// net arrivals (entries less exits: negative when more left than came), plausible either way.
std::optional<double> report_figure(const CsvTable& t, const CsvRow& row, const std::string& col, bool signed_metric,
                                    ErrorList& errors) {
  try {
    const auto v = parse_optional_double(t.cell(row, col), t.pos(row, col));
    if (v && signed_metric && std::abs(*v) > kMostPeople) {
      errors.add(t.pos(row, col), "is implausibly large (beyond 10 billion either way)");
      return std::nullopt;
    }
    if (v && signed_metric) return v;
    if (v && *v <= 0) {
      errors.add(t.pos(row, col), "must be positive");
      return std::nullopt;
    }
    if (v && *v > kMostPeople) {
      errors.add(t.pos(row, col), "is implausibly large (above 10 billion)");
      return std::nullopt;
    }
    return v;
  } catch (const InputError& e) {
    errors.add(e);
    return std::nullopt;
  }
}

// A report's value and range; without a value, the range's middle (`before`: the errors the
// row had already, so that an empty value is an error only when nothing else explains it).
void read_report_figures(const CsvTable& t, const CsvRow& row, Report& r, ErrorList& errors, std::size_t before) {
  const bool signed_metric = r.metric == ReportMetric::kNetArrivals;
  const auto value = report_figure(t, row, "value", signed_metric, errors);
  r.low = report_figure(t, row, "value_low", signed_metric, errors);
  r.high = report_figure(t, row, "value_high", signed_metric, errors);
  if (r.low.has_value() != r.high.has_value())
    errors.add(t.pos(row, r.low ? "value_high" : "value_low"), "a range needs both value_low and value_high");
  if (r.low && r.high && *r.low > *r.high) errors.add(t.pos(row, "value_high"), "is below value_low");
  if (value) r.value = *value;
  else if (r.low && r.high && *r.low > 0) r.value = std::sqrt(*r.low * *r.high);
  else if (r.low && r.high) r.value = (*r.low + *r.high) / 2;  // a signed range: its middle
  else if (errors.size() == before) errors.add(t.pos(row, "value"), "is empty and no range is given");
  if (value && r.low && r.high && (*value < *r.low || *value > *r.high))
    errors.add(t.pos(row, "value"), "lies outside [value_low, value_high]");
}

// The direction of travel and the unit, which must fit the metric.
void read_report_unit(const CsvTable& t, const CsvRow& row, Report& r, ErrorList& errors) {
  r.direction = to_lower(t.cell(row, "direction"));
  if (!r.direction.empty() && r.direction != "in" && r.direction != "out")
    errors.add(t.pos(row, "direction"), fmt::format("expected in, out or empty, found '{}'", r.direction));
  r.unit = to_lower(t.cell(row, "unit"));
  static const std::set<std::string> kUnits = {"", "persons", "persons_per_day", "vehicles", "km", "hours"};
  if (!kUnits.count(r.unit))
    errors.add(t.pos(row, "unit"), fmt::format("unknown unit '{}' (persons, persons_per_day, vehicles, km, hours)", r.unit));
  const bool wants_vehicles = r.metric == ReportMetric::kQueueVehicles;
  const bool wants_km = r.metric == ReportMetric::kQueueKm;
  const bool wants_hours = r.metric == ReportMetric::kWaitHours;
  // A daily mean is a flow over days: not a stock, a queue or a wait.
  const bool is_flow = r.metric == ReportMetric::kEntries || r.metric == ReportMetric::kExits ||
                       r.metric == ReportMetric::kNetArrivals || r.metric == ReportMetric::kDepartures;
  if (!r.unit.empty() && ((r.unit == "vehicles") != wants_vehicles || (r.unit == "km") != wants_km ||
                          (r.unit == "hours") != wants_hours ||
                          (r.unit == "persons_per_day" && !is_flow)))
    errors.add(t.pos(row, "unit"), fmt::format("unit '{}' does not fit metric {}", r.unit, to_string(r.metric)));
}

}  // namespace

ReportSet read_reports(const TextFile& file, std::int64_t max_reports) {
  ErrorList errors;
  ReportSet out{file.name, {}};
  const CsvTable t(file,
                   {"id", "metric", "destination", "checkpoint", "window_start", "window_end", "value", "value_low",
                    "value_high", "kind", "direction", "unit", "reported_by", "reported_on", "url", "quote"},
                   {"note"}, errors, {.data_rows = max_reports, .option = "--max-reports", .what = "reports"});
  static const std::map<std::string, ReportMetric> kMetrics = {
      {"entries", ReportMetric::kEntries},       {"exits", ReportMetric::kExits},
      {"net_arrivals", ReportMetric::kNetArrivals}, {"stock", ReportMetric::kStock},
      {"departures", ReportMetric::kDepartures}, {"queue_persons", ReportMetric::kQueuePersons},
      {"queue_vehicles", ReportMetric::kQueueVehicles}, {"queue_km", ReportMetric::kQueueKm},
      {"wait_hours", ReportMetric::kWaitHours}};
  static const std::map<std::string, ReportKind> kKinds = {
      {"count", ReportKind::kCount}, {"estimate", ReportKind::kEstimate}, {"lower_bound", ReportKind::kLowerBound},
      {"claim", ReportKind::kClaim}, {"denial", ReportKind::kDenial}};
  std::set<std::string> ids;
  for (const auto& row : t.rows()) {
    const std::size_t before = errors.size();
    Report r;
    r.line = row.line;
    r.id = t.cell(row, "id");
    if (r.id.empty()) errors.add(t.pos(row, "id"), "is empty");
    else if (!ids.insert(r.id).second) errors.add(t.pos(row, "id"), fmt::format("duplicate report id '{}'", r.id));
    const auto metric = kMetrics.find(to_lower(t.cell(row, "metric")));
    if (metric == kMetrics.end())
      errors.add(t.pos(row, "metric"), fmt::format("unknown metric '{}' (entries, exits, net_arrivals, stock, "
                                                   "departures, queue_persons, queue_vehicles, wait_hours)", t.cell(row, "metric")));
    else r.metric = metric->second;
    const auto kind = kKinds.find(to_lower(t.cell(row, "kind")));
    if (kind == kKinds.end())
      errors.add(t.pos(row, "kind"), fmt::format("unknown kind '{}' (count, estimate, lower_bound, claim, denial)",
                                                 t.cell(row, "kind")));
    else r.kind = kind->second;
    read_report_destinations(t, row, r, errors);
    r.checkpoint = t.cell(row, "checkpoint");
    read_report_dates(t, row, r, errors);
    read_report_figures(t, row, r, errors, before);
    read_report_unit(t, row, r, errors);
    r.reported_by = t.cell(row, "reported_by");
    r.url = t.cell(row, "url");
    r.quote = t.cell(row, "quote");
    if (errors.size() == before) out.reports.push_back(std::move(r));
  }
  if (out.reports.empty() && errors.empty()) errors.add({file.name, 0, ""}, "holds no report");
  errors.throw_if_any();
  return out;
}

}  // namespace exodus
