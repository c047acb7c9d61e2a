#include "exodus/io/reports/predictions_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "exodus/core/csv_table.h"
#include "exodus/core/digit_grouping.h"
#include "exodus/core/parse.h"

namespace exodus {

bool is_predictions_header(const std::vector<std::string>& fields) {
  const auto has = [&](std::string_view name) {
    return std::any_of(fields.begin(), fields.end(), [&](const std::string& f) { return trim(f) == name; });
  };
  return has("id") && has("median");
}

std::vector<FigurePrediction> read_predictions(const TextFile& file, std::int64_t max_rows) {
  ErrorList errors;
  CsvTable t(file, {"id", "median", "lo50", "hi50", "lo90", "hi90"}, {"why_not"}, errors,
             {.data_rows = max_rows, .option = "--max-reports", .what = "predictions"});
  std::vector<FigurePrediction> out;
  std::set<std::string> seen;
  for (const auto& row : t.rows()) {
    FigurePrediction p;
    p.line = row.line;
    p.id = t.cell(row, "id");
    if (p.id.empty()) errors.add(t.pos(row, "id"), "is empty");
    if (!seen.insert(p.id).second) errors.add(t.pos(row, "id"), fmt::format("id {} appears twice", p.id));
    p.why_not = t.cell(row, "why_not");
    p.predicted = !t.cell(row, "median").empty();
    if (p.predicted) {
      double* at[] = {&p.median, &p.lo50, &p.hi50, &p.lo90, &p.hi90};
      const char* names[] = {"median", "lo50", "hi50", "lo90", "hi90"};
      bool ok = true;
      for (int k = 0; k < 5; ++k) try {
          *at[k] = parse_double(t.cell(row, names[k]), t.pos(row, names[k]));
          if (std::abs(*at[k]) > kMostPeople) {
            errors.add(t.pos(row, names[k]), fmt::format("{} is beyond ±{:.0e}: no figure is that large", t.cell(row, names[k]), kMostPeople));
            ok = false;
          }
        } catch (const InputError& e) {
          errors.add(e);
          ok = false;
        }
      if (ok && !(p.lo90 <= p.lo50 && p.lo50 <= p.median && p.median <= p.hi50 && p.hi50 <= p.hi90))
        errors.add(t.pos(row, "median"), "the intervals are not nested: lo90 <= lo50 <= median <= hi50 <= hi90");
    }
    out.push_back(p);
  }
  errors.throw_if_any();
  return out;
}

}  // namespace exodus
