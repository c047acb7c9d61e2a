#include "exodus/world/reports.h"

namespace exodus {

const char* to_string(ReportMetric m) {
  switch (m) {
    case ReportMetric::kEntries: return "entries";
    case ReportMetric::kExits: return "exits";
    case ReportMetric::kNetArrivals: return "net_arrivals";
    case ReportMetric::kStock: return "stock";
    case ReportMetric::kDepartures: return "departures";
    case ReportMetric::kQueuePersons: return "queue_persons";
    case ReportMetric::kQueueVehicles: return "queue_vehicles";
    case ReportMetric::kQueueKm: return "queue_km";
    case ReportMetric::kWaitHours: return "wait_hours";
  }
  return "?";
}

const char* to_string(ReportKind k) {
  switch (k) {
    case ReportKind::kCount: return "count";
    case ReportKind::kEstimate: return "estimate";
    case ReportKind::kLowerBound: return "lower_bound";
    case ReportKind::kClaim: return "claim";
    case ReportKind::kDenial: return "denial";
  }
  return "?";
}

}  // namespace exodus
