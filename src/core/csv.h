#pragma once
// A small RFC 4180 reader that keeps line numbers, so every later error can name its line.
// Accepts what spreadsheets and Flee's inputs contain: a UTF-8 byte-order mark, CRLF or LF
// endings, quoted fields with commas, doubled quotes and line breaks. Empty lines are skipped.
#include <cstddef>
#include <string>
#include <vector>

#include "core/text_source.h"

namespace exodus {

struct CsvRow {
  std::size_t line = 0;  // line on which the row starts (1-based)
  std::vector<std::string> fields;
};

// Throws InputError (file, line) for an unterminated quote, a NUL byte or invalid UTF-8.
std::vector<CsvRow> parse_csv(const TextFile& file);

}  // namespace exodus
