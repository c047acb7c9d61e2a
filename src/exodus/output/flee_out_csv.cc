#include "exodus/output/flee_out_csv.h"

#include <fmt/format.h>

#include "exodus/core/csv.h"
#include "exodus/output/number_format.h"
#include "exodus/score/flee_score.h"

namespace exodus {

std::string format_flee_out_csv(const FleeWorld& world, const CampTable& t) {
  std::string out = "Day,Date,";
  // Flee writes names as they are; a name with a comma or a quote is quoted so the file stays a table.
  for (const auto& camp : t.camps)
    out += fmt::format("{},{},{},", csv_field(camp + " sim"), csv_field(camp + " data"), csv_field(camp + " error"));
  out += "Total error,refugees in camps (UNHCR),total refugees (simulation),"
         "raw UNHCR refugee count,refugees in camps (simulation),refugee_debt\n";
  for (std::size_t d = 0; d < t.days(); ++d) {
    out += fmt::format("{},{}", d, world.date_of_day(d).iso());
    for (std::size_t c = 0; c < t.camps.size(); ++c) {
      const auto sim = t.sim[d][c];
      const auto data = t.data[d][c];
      const double error = data < 1 ? 0.0
                                          : round4(std::fabs(static_cast<double>(sim) /
                                                             static_cast<double>(data) - 1.0));
      out += fmt::format(",{},{},{}", sim, data, python_float(error));
    }
    if (t.raw_count[d] > 0)
      out += fmt::format(",{},{},{},{},{},{}\n", python_float(flee_total_error(t, d)),
                         t.data_in_camps[d], t.agents[d], t.raw_count[d], t.sim_in_camps[d],
                         t.debt[d]);
    else
      out += fmt::format(",0.0,0,{},0,{},0\n", t.agents[d], t.sim_in_camps[d]);
  }
  return out;
}

}  // namespace exodus
