#pragma once
// One chart both pages draw: each published figure against the predictive 90% interval of what
// produced the page (a run, an ensemble, a calibration), those that fit worst first.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "exodus/core/text_source.h"
#include "exodus/page/page_html.h"

namespace exodus {

struct FigureAgainstInterval {
  std::string id, metric, place, kind;
  double observed = 0, lo90 = 0, hi90 = 0;
  double tail = 0.5;  // the figure's tail probability under the predictive distribution
};

// Empty `figures`: no chart (nullopt-like: an empty title).
PageChart figures_chart(std::vector<FigureAgainstInterval> figures, const std::string& section, const std::string& of_what);

// The figures of a reports_fit.csv that were compared (they have a predictive interval); none
// when the file is absent. Throws InputError (file, line, field).
std::vector<FigureAgainstInterval> figures_of_reports_fit(const std::optional<TextFile>& file);

// The colour a figure's kind is drawn in on every chart (counts black, estimates orange, claims pink).
std::string figure_kind_colour(const std::string& kind);

}  // namespace exodus
