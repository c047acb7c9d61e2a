#include "exodus/page/reports_fit_reader.h"

#include "exodus/core/csv_table.h"
#include "exodus/core/date.h"
#include "exodus/core/error.h"
#include "exodus/core/parse.h"
#include "exodus/page/daily_rows.h"

namespace exodus {

namespace {

// The window's first and last dates ("start/end"; no start: from `shock`, else its end).
void read_window(const CsvTable& t, const CsvRow& row, const std::string& shock, FittedFigure& f) {
  const std::string window = t.cell(row, "window");
  const auto slash = window.find('/');
  if (slash == std::string::npos) throw InputError(t.pos(row, "window"), "expected start/end");
  const std::string start = window.substr(0, slash), end = window.substr(slash + 1);
  f.last = parse_date(end, t.pos(row, "window")).iso();
  f.first = start.empty() ? (shock.empty() ? f.last : parse_date(shock, t.pos(row, "window")).iso())
                          : parse_date(start, t.pos(row, "window")).iso();
  // "Since the shock" of a figure that ends before it: its last day alone.
  if (start.empty() && f.first > f.last) f.first = f.last;
  if (f.last < f.first) throw InputError(t.pos(row, "window"), "ends before it starts");
}

// What the run or posterior says of a compared figure, checked for order.
void read_fit(const CsvTable& t, const CsvRow& row, FittedFigure& f) {
  f.expected = bounded_value(t, row, "expected_median");
  f.lo90 = bounded_value(t, row, "predictive_lo90");
  f.median = bounded_value(t, row, "predictive_median");
  f.hi90 = bounded_value(t, row, "predictive_hi90");
  f.tail = bounded_value(t, row, "tail_probability");
  if (!(f.lo90 <= f.median && f.median <= f.hi90))
    throw InputError(t.pos(row, "predictive_median"), "is not within predictive_lo90 to predictive_hi90");
  if (!(f.tail >= 0 && f.tail <= 1)) throw InputError(t.pos(row, "tail_probability"), "is not a probability (0 to 1)");
}

}  // namespace

std::vector<FittedFigure> read_reports_fit(const std::optional<TextFile>& file, const std::string& shock) {
  if (!file) return {};
  ErrorList errors;
  const CsvTable t(*file,
                   {"file", "id", "metric", "place", "window", "kind", "observed", "observed_low", "observed_high",
                    "reported_by", "reported_on", "compared", "why_not_compared", "expected_median", "expected_lo90",
                    "expected_hi90", "predictive_median", "predictive_lo90", "predictive_hi90", "tail_probability",
                    "verdict"},
                   {}, errors);
  errors.throw_if_any();
  std::vector<FittedFigure> out;
  for (const auto& row : t.rows()) {
    FittedFigure f;
    for (auto [field, column] : {std::pair{&f.file, "file"}, {&f.id, "id"}, {&f.metric, "metric"}, {&f.place, "place"},
                                 {&f.kind, "kind"}, {&f.verdict, "verdict"}, {&f.why_not, "why_not_compared"},
                                 {&f.reported_by, "reported_by"}, {&f.reported_on, "reported_on"}})
      *field = t.cell(row, column);
    read_window(t, row, shock, f);
    f.observed = bounded_value(t, row, "observed");
    if (!t.cell(row, "observed_low").empty() && !t.cell(row, "observed_high").empty()) {
      f.low = parse_double(t.cell(row, "observed_low"), t.pos(row, "observed_low"));
      f.high = parse_double(t.cell(row, "observed_high"), t.pos(row, "observed_high"));
    }
    const std::string compared = t.cell(row, "compared");
    if (compared != "yes" && compared != "no") throw InputError(t.pos(row, "compared"), "expected yes or no");
    f.compared = compared == "yes";
    if (f.compared) read_fit(t, row, f);
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace exodus
