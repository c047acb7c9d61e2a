#include "exodus/output/forecast_csv.h"

#include <fmt/format.h>

#include "exodus/core/csv.h"

namespace exodus {

std::string forecast_csv(const SeriesTable& layout, const ForecastBands& bands) {
  std::string out = "date,day,kind,place,metric,median,lo50,hi50,lo90,hi90,discrepancy\n";
  const auto& series = layout.series();
  const std::size_t days = layout.days();
  for (std::size_t t = 0; t < days; ++t)
    for (std::size_t s = 0; s < series.size() && s < bands.bands.size(); ++s) {
      const auto& i = bands.bands[s][t];
      out += fmt::format("{},{},{},{},{},{:.6g},{:.6g},{:.6g},{:.6g},{:.6g},{}\n",
                         (layout.start() + static_cast<std::int32_t>(t)).iso(), t, to_string(series[s].kind),
                         csv_field(series[s].place, true), series[s].metric, i.median, i.lo50, i.hi50, i.lo90, i.hi90,
                         to_string(bands.discrepancy[s]));
    }
  return out;
}

}  // namespace exodus
