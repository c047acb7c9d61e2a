#pragma once
// What sets each number of an estimate: for each corridor, which reports speak of it (alone, or
// only within a sum over several corridors), and for each corridor and day, whether a report
// covers that day at all. A reader quoting a figure needs to know whether reports or the
// prior's assumptions stand behind it.
#include <cstdint>
#include <string>
#include <vector>

#include "exodus/observe/flow_layout.h"
#include "exodus/observe/report_weights.h"
#include "exodus/world/reports.h"

namespace exodus {

// What sets a corridor's leavers on a day.
enum class FlowBasis : std::uint8_t {
  kBeforeShock,   // no leavers before the shock, by definition
  kReport,        // a report of this corridor alone (for all corridors: a report of all of them)
  kAggregate,     // only reports that sum it with other corridors (for all corridors: reports of some)
  kPrior,         // no report covers this day for it, though reports cover later days
  kExtrapolated,  // after the last day any used report covers: the prior alone carries it on
};
const char* to_string(FlowBasis b);

// How a corridor's level is set over the whole estimate.
enum class CorridorSupportKind : std::uint8_t { kOwnReports, kAggregatesOnly, kPriorOnly };
const char* to_string(CorridorSupportKind k);

struct CorridorSupport {
  std::vector<std::size_t> own;        // used reports of this corridor alone
  std::vector<std::size_t> aggregate;  // used reports that count it within a sum over several
  CorridorSupportKind kind() const {
    return !own.empty() ? CorridorSupportKind::kOwnReports
                        : !aggregate.empty() ? CorridorSupportKind::kAggregatesOnly : CorridorSupportKind::kPriorOnly;
  }
};

struct ReportSupport {
  std::int32_t covered_through = -1;        // last day (index) a used report covers; -1: none
  std::vector<CorridorSupport> corridors;   // per corridor
  std::vector<std::vector<FlowBasis>> basis;  // [corridor][day]; the last row: all corridors
  // Days of [first, last] after covered_through.
  std::int32_t extrapolated_days(std::int32_t first, std::int32_t last) const;
};

ReportSupport report_support(const FlowLayout& layout, const std::vector<ReportWeights>& weights);

}  // namespace exodus
