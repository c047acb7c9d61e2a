#include <fmt/format.h>

#include "exodus/core/parse.h"
#include "exodus/io/flee/flee_readers.h"
#include "exodus/io/flee/read_helpers.h"

namespace exodus {

using flee_io::at;

std::vector<FleeClosureRow> read_flee_closures(const TextFile& file, ErrorList& errors) {
  std::vector<FleeClosureRow> out;
  for (const auto& row : parse_csv(file)) {
    if (flee_io::is_comment_row(row)) continue;
    if (row.fields.size() < 5) {
      errors.add(at(file, row, ""),
                 fmt::format("expected 5 columns (closure_type,name1,name2,closure_start,"
                             "closure_end), found {}", row.fields.size()) +
                     delimiter_hint(row));
      continue;
    }
    const std::size_t before = errors.size();
    FleeClosureRow closure;
    closure.line = row.line;
    closure.type = to_lower(trim(row.fields[0]));
    static const char* kTypes[] = {"country", "location", "link", "camp", "idpcamp",
                                   "remove_forced_redirection"};
    bool known = false;
    for (const char* t : kTypes) known = known || closure.type == t;
    if (!known)
      errors.add(at(file, row, "closure_type"),
                 fmt::format("unknown closure type '{}' (expected country, location, link, camp, "
                             "idpcamp or remove_forced_redirection)", trim(row.fields[0])));
    closure.name1 = flee_io::read_name(file, row, 1, "name1", errors);
    closure.name2 = std::string(trim(row.fields[2]));
    if (closure.name2.empty() && (closure.type == "country" || closure.type == "link"))
      errors.add(at(file, row, "name2"), "is empty");
    try {
      closure.start = parse_int(row.fields[3], at(file, row, "closure_start"), 0, 1'000'000);
    } catch (const InputError& e) { errors.add(e); }
    try {
      closure.end = parse_int(row.fields[4], at(file, row, "closure_end"), -1, 1'000'000);
    } catch (const InputError& e) { errors.add(e); }
    // An end of -1 never comes; an end of 0 passes before any later start: both mean the
    // closure is never lifted. A positive end before the start is a reversed window.
    if (errors.size() == before && closure.end > 0 && closure.end < closure.start)
      errors.add(at(file, row, "closure_end"),
                 fmt::format("day {} is before closure_start {}", closure.end, closure.start));
    if (errors.size() == before) out.push_back(std::move(closure));
  }
  return out;
}

}  // namespace exodus
