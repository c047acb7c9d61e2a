#pragma once
#include "exodus/core/error.h"
#include "exodus/core/limits.h"
#include "exodus/core/text_source.h"

#include <vector>
#include "exodus/world/reports.h"

namespace exodus {

// Reads a reports CSV; throws InputErrors listing every bad row (file, line, field). A file of
// more than `max_reports` rows is refused before any row is read (--max-reports): every verb's
// work grows with the reports, and no crisis is told in tens of thousands of figures.
ReportSet read_reports(const TextFile& file, std::int64_t max_reports = InputLimits{}.max_reports);

// Several reports files read as one set (calibrate's, score's): an id names one figure across
// them all (InputErrors naming both places otherwise), and `max_reports` holds for them
// together. The set's file is their names joined by ';'.
ReportSet read_reports_as_one(const std::vector<TextFile>& files, std::int64_t max_reports = InputLimits{}.max_reports);

// Figures to predict (--predict) must not share an id with another figure among those fitted:
// a prediction is scored against the figure its id names, and one id must name one figure. The
// same figure in both (the same row: a reports file given to fit as of a date and to predict)
// is one figure. Throws InputErrors naming each such row of `predict`.
void refuse_shared_ids(const ReportSet& predict, const ReportSet& fitted);

}  // namespace exodus
