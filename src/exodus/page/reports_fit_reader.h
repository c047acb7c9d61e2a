#pragma once
// reports_fit.csv read back (output/reports_fit_csv.h writes it, in one layout for every verb):
// each published figure, and how what made the folder fits it. Every page that draws figures
// reads them here.
#include <optional>
#include <string>
#include <vector>

#include "exodus/core/text_source.h"

namespace exodus {

struct FittedFigure {
  std::string file, id, metric, place, kind, verdict, why_not;
  std::string first, last;               // the window's dates
  std::string reported_by, reported_on;  // empty when the reports file does not say
  double observed = 0, tail = 0.5;
  double expected = 0;                   // the truth's median, as the run or posterior has it
  double lo90 = 0, median = 0, hi90 = 0;  // what a source of its kind would publish
  std::optional<double> low, high;       // the published range
  bool compared = false;
};

// The figures of `file` (none when it is absent); a window with no start runs from `shock`
// (a date; empty, or after the window's end: from its end). Throws InputError naming file, line and field.
std::vector<FittedFigure> read_reports_fit(const std::optional<TextFile>& file, const std::string& shock);

}  // namespace exodus
