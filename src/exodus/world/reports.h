#pragma once
// Published figures about a flow: counts, estimates, bounds, claims and denials, each with
// what it measured, where and over which days. Read from a reports file (docs/reports-format.md).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "exodus/core/date.h"

namespace exodus {

enum class ReportMetric {
  kEntries, kExits, kNetArrivals, kStock, kDepartures, kQueuePersons, kQueueVehicles, kQueueKm, kWaitHours
};
enum class ReportKind { kCount, kEstimate, kLowerBound, kClaim, kDenial };

const char* to_string(ReportMetric m);
const char* to_string(ReportKind k);
// Queues and waits: figures about one checkpoint, set by its capacity as much as by the flow.
inline bool is_queue_or_wait(ReportMetric m) {
  return m == ReportMetric::kQueuePersons || m == ReportMetric::kQueueVehicles || m == ReportMetric::kQueueKm ||
         m == ReportMetric::kWaitHours;
}

struct Report {
  std::size_t line = 0;
  std::string id;
  ReportMetric metric = ReportMetric::kEntries;
  std::vector<std::string> destinations;  // country names; {"ALL"} for every corridor
  std::string checkpoint;
  std::optional<Date> window_start;  // none: since the shock
  Date window_end;
  double value = 0;                        // the figure (the midpoint of a range when only a range is given)
  std::optional<double> low, high;         // a range, when the source gave one
  ReportKind kind = ReportKind::kCount;
  std::string direction, unit, reported_by, url, quote;
  std::optional<Date> reported_on;
};

struct ReportSet {
  std::string file;
  std::vector<Report> reports;
};

}  // namespace exodus
