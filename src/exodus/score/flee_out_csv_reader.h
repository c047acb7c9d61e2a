#pragma once
// A Flee-layout out.csv read back (Flee's own or one exodus wrote): an output of a run is an
// input to `exodus score` and `exodus report`, and is checked as strictly as any input.
#include <string>
#include <vector>

#include "exodus/core/limits.h"
#include "exodus/core/text_source.h"
#include "exodus/recorder/camp_table.h"

namespace exodus {

// Each `<camp> sim` column must have its `<camp> data` column (found by name, wherever it
// stands); every row must give every column the table reads; counts are whole-number-valued
// and in [0, kMostPeople]; the Day column, when present, counts 0, 1, 2... one row a day; at
// most `max_days` days. Throws InputErrors listing every problem (file, line, column).
CampTable read_flee_out_csv(const TextFile& file, std::int64_t max_days = InputLimits{}.max_days);

// Whether a header row (its fields) is an out.csv's: a '<camp> sim' or the camps' simulated total.
bool is_flee_out_header(const std::vector<std::string>& fields);

}  // namespace exodus
