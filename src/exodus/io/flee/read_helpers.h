#pragma once
// Small helpers shared by the Flee readers.
#include <string>
#include <string_view>

#include "exodus/core/csv.h"
#include "exodus/core/error.h"

namespace exodus::flee_io {

// Flee treats a row whose first field starts with '#' as a header or comment.
inline bool is_comment_row(const CsvRow& row) {
  return !row.fields.empty() && !row.fields[0].empty() && row.fields[0][0] == '#';
}

inline SourcePos at(const TextFile& file, const CsvRow& row, std::string field) {
  return {file.name, row.line, std::move(field)};
}

// A name field: trimmed, and an error when empty.
std::string read_name(const TextFile& file, const CsvRow& row, std::size_t column,
                      const char* field, ErrorList& errors);

}  // namespace exodus::flee_io
