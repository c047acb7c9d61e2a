#include "exodus/core/csv_table.h"

#include "exodus/core/suggest.h"

#include <algorithm>

#include <fmt/format.h>

#include "exodus/core/parse.h"

namespace exodus {

CsvTable::CsvTable(const TextFile& file, const std::vector<std::string>& required,
                   const std::vector<std::string>& optional, ErrorList& errors, const CsvBounds& bounds)
    : file_(file.name) {
  std::vector<CsvRow> all;
  try {
    all = parse_csv(file, bounds);
  } catch (const InputError& e) {
    errors.add(e);
    return;
  }
  if (all.empty()) {
    errors.add({file_, 0, ""}, fmt::format("is empty; expected a header: {}", fmt::join(required, ",")));
    return;
  }
  const CsvRow& header = all.front();
  if (const auto hint = delimiter_hint(header); !hint.empty()) {
    errors.add({file_, header.line, ""}, fmt::format("the header is one column{}", hint));
    return;
  }
  const std::size_t before = errors.size();
  for (const auto& h : header.fields) header_.emplace_back(trim(h));
  std::vector<std::string> columns = required;  // every column the file may have
  columns.insert(columns.end(), optional.begin(), optional.end());
  for (std::size_t i = 0; i < header_.size(); ++i) {
    const auto& name = header_[i];
    const bool known = std::find(required.begin(), required.end(), name) != required.end() ||
                       std::find(optional.begin(), optional.end(), name) != optional.end();
    if (!known)
      errors.add({file_, header.line, name.empty() ? fmt::format("column {}", i + 1) : name},
                 fmt::format("unknown column{} (expected {}{}{})", did_you_mean(name, columns), fmt::join(required, ","),
                             optional.empty() ? "" : ", optionally ", fmt::join(optional, ",")));
    if (std::count(header_.begin(), header_.end(), name) > 1 &&
        std::find(header_.begin(), header_.end(), name) - header_.begin() != static_cast<std::ptrdiff_t>(i))
      errors.add({file_, header.line, name}, "column appears twice");
  }
  for (const auto& r : required)
    if (!has(r)) errors.add({file_, header.line, r}, "required column is missing");
  if (errors.size() != before) return;
  for (std::size_t i = 1; i < all.size(); ++i) {
    if (all[i].fields.size() > header_.size())
      errors.add({file_, all[i].line, ""},
                 fmt::format("has {} fields, the header has {}", all[i].fields.size(), header_.size()));
    else
      rows_.push_back(std::move(all[i]));
  }
}

bool CsvTable::has(const std::string& column) const {
  return std::find(header_.begin(), header_.end(), column) != header_.end();
}

std::string CsvTable::cell(const CsvRow& row, const std::string& column) const {
  const auto it = std::find(header_.begin(), header_.end(), column);
  if (it == header_.end()) return "";
  const auto i = static_cast<std::size_t>(it - header_.begin());
  return i < row.fields.size() ? std::string(trim(row.fields[i])) : "";
}

}  // namespace exodus
