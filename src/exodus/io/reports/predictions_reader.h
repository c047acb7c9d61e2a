#pragma once
// Reads a predictions.csv as exodus estimate --predict and exodus calibrate --predict write it
// (docs/outputs.md): one row per held-back figure, its median and 50% and 90% intervals, or
// why it was not predicted.
#include <string>
#include <vector>

#include "exodus/core/limits.h"
#include "exodus/core/text_source.h"

namespace exodus {

struct FigurePrediction {
  std::size_t line = 0;
  std::string id;
  bool predicted = false;
  double median = 0, lo50 = 0, hi50 = 0, lo90 = 0, hi90 = 0;
  std::string why_not;
};

// Throws InputErrors listing every bad row (file, line, field): intervals out of order, ids twice,
// a value beyond ±kMostPeople (no figure of people or hours is that large). A file of more than
// `max_rows` rows is refused before any row is read (--max-reports).
std::vector<FigurePrediction> read_predictions(const TextFile& file, std::int64_t max_rows = InputLimits{}.max_reports);

// Whether a header row (its fields) is a predictions file's: it names id and median.
bool is_predictions_header(const std::vector<std::string>& fields);

}  // namespace exodus
