#include <fmt/format.h>

#include "exodus/core/digit_grouping.h"
#include "exodus/core/parse.h"
#include "exodus/io/flee/flee_readers.h"
#include "exodus/io/flee/read_helpers.h"

namespace exodus {

using flee_io::at;

FleeSimPeriod read_flee_sim_period(const TextFile& file, ErrorList& errors, std::int64_t max_days) {
  FleeSimPeriod period;
  bool has_start = false, has_length = false;
  for (const auto& row : parse_csv(file)) {
    if (flee_io::is_comment_row(row)) continue;
    const std::string key = to_lower(trim(row.fields[0]));
    if (row.fields.size() < 2) {
      errors.add(at(file, row, key), "has no value");
      continue;
    }
    try {
      if (key == "startdate") {
        has_start = true;
        period.start = parse_date(row.fields[1], at(file, row, "StartDate"));
      } else if (key == "length") {
        has_length = true;  // given, even when its value is wrong: not also "missing"
        const std::int64_t length = parse_int(row.fields[1], at(file, row, "Length"), INT64_MIN, INT64_MAX);
        if (length < 1) throw InputError(at(file, row, "Length"), fmt::format("is {}; a run lasts at least 1 day", length));
        if (length > max_days)
          throw InputError(at(file, row, "Length"), fmt::format("the run would last {} days; {}", grouped(length),
                                                                limit_clause(max_days, "--max-days")));
        period.length = length;
      } else {
        errors.add(at(file, row, std::string(trim(row.fields[0]))),
                   "unknown key (expected StartDate or Length)");
      }
    } catch (const InputError& e) { errors.add(e); }
  }
  if (!has_start) errors.add({file.name, 0, "StartDate"}, "is missing");
  if (!has_length) errors.add({file.name, 0, "Length"}, "is missing");
  return period;
}

std::vector<FleeCorrectionRow> read_flee_corrections(const TextFile& file, ErrorList& errors) {
  std::vector<FleeCorrectionRow> out;
  for (const auto& row : parse_csv(file)) {
    if (flee_io::is_comment_row(row)) continue;
    if (row.fields.size() < 2) {
      errors.add(at(file, row, ""), "expected camp_name,YYYY-MM-DD");
      continue;
    }
    try {
      FleeCorrectionRow c;
      c.line = row.line;
      c.camp = std::string(trim(row.fields[0]));
      if (c.camp.empty()) throw InputError(at(file, row, "camp"), "is empty");
      c.date = parse_date(row.fields[1], at(file, row, "date"));
      out.push_back(std::move(c));
    } catch (const InputError& e) { errors.add(e); }
  }
  return out;
}

}  // namespace exodus
