#pragma once
// A CSV file with a header row, read by column name. Checks that required columns exist and
// that no unknown column is present (a misspelt column would otherwise be silently ignored),
// and gives each cell's position for errors.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "exodus/core/csv.h"
#include "exodus/core/error.h"

namespace exodus {

class CsvTable {
 public:
  // Problems with the header go to `errors`; rows() is empty then.
  CsvTable(const TextFile& file, const std::vector<std::string>& required,
           const std::vector<std::string>& optional, ErrorList& errors, const CsvBounds& bounds = {});

  const std::vector<CsvRow>& rows() const { return rows_; }
  bool has(const std::string& column) const;
  // The trimmed cell, or "" when the column is absent or the row is short.
  std::string cell(const CsvRow& row, const std::string& column) const;
  SourcePos pos(const CsvRow& row, const std::string& column) const {
    return {file_, row.line, column};
  }
  const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::vector<std::string> header_;
  std::vector<CsvRow> rows_;
};

}  // namespace exodus
