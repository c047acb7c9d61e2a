#include "exodus/core/csv.h"

#include <string_view>

#include <fmt/format.h>

#include "exodus/core/control_characters.h"
#include "exodus/core/digit_grouping.h"
#include "exodus/core/error.h"
#include "exodus/core/limits.h"

namespace exodus {

namespace {

// No table here has a line near this long (a Flee conflicts.csv with a column for each of
// 10,000 locations is about 50 kB); a longer one means the file is not what it claims to be.
constexpr std::size_t kMaxLineBytes = std::size_t{1} << 20;

// Length of the UTF-8 sequence starting at s[i], or 0 when it is not valid UTF-8.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  if ((c & 0xE0) == 0xC0 && c >= 0xC2) n = 2;
  else if ((c & 0xF0) == 0xE0) n = 3;
  else if ((c & 0xF8) == 0xF0 && c <= 0xF4) n = 4;
  else return 0;
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  return n;
}

// Before the row on `line` is kept, with `rows` kept already (the header is row 0, so they are
// also the data rows once this one is in) and `cells` counted with this row's.
void refuse_beyond_bounds(const TextFile& file, std::size_t line, std::size_t rows, std::size_t cells, const CsvBounds& bounds) {
  if (bounds.data_rows && static_cast<std::int64_t>(rows) > *bounds.data_rows)
    throw InputError({file.name, line, ""}, fmt::format("holds more than {} {}; {}", grouped(*bounds.data_rows), bounds.what,
                                                        limit_clause(*bounds.data_rows, bounds.option)));
  if (rows >= bounds.rows || cells > bounds.cells)
    throw InputError({file.name, line, ""},
                     fmt::format("holds more than {} rows or {} cells: no table exodus reads is that long (the rows "
                                 "would take gigabytes of memory)",
                                 grouped(static_cast<std::int64_t>(bounds.rows)), grouped(static_cast<std::int64_t>(bounds.cells))));
}

}  // namespace

std::vector<CsvRow> parse_csv(const TextFile& file, const CsvBounds& bounds) {
  std::string_view text = file.content;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  // A file with a NUL byte is binary: that is said where the NUL is, not at a control before it.
  const bool binary = text.find('\0') != std::string_view::npos;

  std::vector<CsvRow> rows;
  CsvRow row;
  std::string field;
  std::size_t line = 1;
  bool in_quotes = false;
  bool row_has_content = false;  // anything seen on this row, even an empty quoted field
  std::size_t quote_line = 0;
  std::size_t line_start = 0;  // offset in `text` where the current physical line starts

  const auto end_field = [&] {
    row.fields.push_back(std::move(field));
    field.clear();
  };
  std::size_t cells = 0;
  const auto end_row = [&] {
    if (row_has_content) {
      end_field();
      cells += row.fields.size();
      refuse_beyond_bounds(file, row.line, rows.size(), cells, bounds);
      rows.push_back(std::move(row));
    }
    row = CsvRow{};
    field.clear();
    row_has_content = false;
  };

  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == '\n' || c == '\r') line_start = i + 1;
    else if (i - line_start >= kMaxLineBytes)
      throw InputError({file.name, line, ""}, "has a line longer than 1 MiB; is it really a comma-separated table?");
    const auto column = [&] { return fmt::format("column {}", row_has_content ? row.fields.size() + 1 : 1); };
    if (c == '\0') throw InputError({file.name, line, column()}, "contains a NUL byte (binary file?)");
    if (const auto control = control_character_at(text, i); control && !binary)
      throw InputError({file.name, line, column()}, control_character_message(control->code));
    const std::size_t n = utf8_sequence_length(text, i);
    if (n == 0)
      throw InputError({file.name, line, column()},
                       fmt::format("is not valid UTF-8 text (byte 0x{:02X}; save the file as UTF-8)",
                                   static_cast<unsigned char>(c)));
    if (n > 1) {
      if (!row_has_content) row.line = line;
      row_has_content = true;
      field.append(text.substr(i, n));
      i += n;
      continue;
    }
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field.push_back('"');
          i += 2;
          continue;
        }
        in_quotes = false;
      } else {
        if (c == '\n') ++line;
        field.push_back(c);
      }
      ++i;
      continue;
    }
    if (c == '\r' || c == '\n') {
      end_row();
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++i;
      ++line;
      continue;
    }
    if (!row_has_content) row.line = line;
    row_has_content = true;
    if (c == ',') {
      end_field();
    } else if (c == '"' && field.empty()) {
      in_quotes = true;
      quote_line = line;
    } else {
      field.push_back(c);
    }
    ++i;
  }
  if (in_quotes)
    throw InputError({file.name, quote_line, ""}, "a quoted field is never closed");
  end_row();
  return rows;
}

std::string delimiter_hint(const CsvRow& row) {
  if (row.fields.size() != 1) return "";
  for (const char separator : {';', '\t', '|'}) {
    if (row.fields[0].find(separator) == std::string::npos) continue;
    const std::string shown = separator == '\t' ? "tabs" : fmt::format("'{}'", separator);
    return fmt::format("; the file seems to be separated by {}: exodus reads comma-separated values", shown);
  }
  return "";
}

std::string csv_field(const std::string& value, bool always_quote) {
  const bool needs = always_quote || value.find_first_of(",\"\r\n") != std::string::npos ||
                     (!value.empty() && (value.front() == ' ' || value.back() == ' '));
  if (!needs) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace exodus
