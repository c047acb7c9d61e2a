#include "exodus/io/flee/read_helpers.h"

#include "exodus/core/parse.h"

namespace exodus::flee_io {

std::string read_name(const TextFile& file, const CsvRow& row, std::size_t column,
                      const char* field, ErrorList& errors) {
  std::string name(trim(row.fields[column]));
  if (name.empty()) errors.add(at(file, row, field), "is empty");
  return name;
}

}  // namespace exodus::flee_io
