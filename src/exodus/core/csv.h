#pragma once
// A small RFC 4180 reader that keeps line numbers, so every later error can name its line.
// Accepts what spreadsheets and Flee's inputs contain: a UTF-8 byte-order mark, CRLF or LF
// endings, quoted fields with commas, doubled quotes and line breaks. Empty lines are skipped.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "exodus/core/text_source.h"

namespace exodus {

struct CsvRow {
  std::size_t line = 0;  // line on which the row starts (1-based)
  std::vector<std::string> fields;
};

// A row costs some 80 bytes and a cell some 40 beyond their text, so a file of tiny rows or
// cells holds forty to seventy times its size in memory (24 MB of one-character rows took
// 970 MB): the rows and cells are bounded as they are read, far above any table exodus reads or
// writes (at most about 2 GB). A reader with a limit of its own on its data rows (--max-reports)
// gives it here, so that reading stops at the first row over it.
struct CsvBounds {
  std::size_t rows = 5'000'000, cells = 40'000'000;
  // Data rows (after the header) at most, and the option that raises them; none: `rows` only.
  std::optional<std::int64_t> data_rows;
  const char* option = "";
  const char* what = "rows";  // what a data row is, for the error: "reports"
};

// Throws InputError (file, line) for an unterminated quote, a line over 1 MiB, or more rows or
// cells than `bounds` (checked as they are read), and
// (file, line, "column N") for a NUL byte, invalid UTF-8 or a control character other than tab
// and line breaks (core/control_characters.h), quoted or not.
std::vector<CsvRow> parse_csv(const TextFile& file, const CsvBounds& bounds = {});

// One field as RFC 4180 writes it: in quotes, with quotes doubled, when it holds a comma, a
// quote, a line break or leading or trailing space (or always, when asked); else as it is.
// Every CSV exodus writes goes through it, so that what it writes, it (and others) can read.
std::string csv_field(const std::string& value, bool always_quote = false);

// When `row` (a header or a short row) looks like a table separated by ';' or tabs, the words
// to add to its error ("; the file seems to be separated by ';' ..."); else "".
std::string delimiter_hint(const CsvRow& row);

}  // namespace exodus
