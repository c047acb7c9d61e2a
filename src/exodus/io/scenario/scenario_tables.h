#pragma once
// The scenario reader's shared state and cell readers, for the readers of each file of a
// scenario folder (scenario_reader.cc runs them in order); not part of the library's API.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "exodus/core/csv_table.h"
#include "exodus/core/error.h"
#include "exodus/core/limits.h"
#include "exodus/core/text_source.h"
#include "exodus/world/scenario.h"
#include "exodus/world/scenario_registry.h"

namespace exodus::scenario_io {

// One reading of a scenario folder: the scenario as far as it is read, and every problem found,
// so that one pass finds them all.
struct Reader {
  const FileSource& folder;
  const InputLimits& limits;
  ErrorList errors;
  Scenario s;
  // Where each region and destination is defined, for errors found after reading.
  std::string regions_file, destinations_file;
  std::vector<std::size_t> region_lines, destination_lines;
  // Index of the first item called `name`, or -1. Names are indexed once per table (a file
  // of events or checkpoints must not cost rows x table size).
  struct NameIndex {
    std::size_t size = 0;
    std::unordered_map<std::string, std::int32_t> of;
  };
  std::map<const void*, NameIndex> name_index;
  bool window_known = false;  // scenario.yaml's dates read cleanly

  // A file of the scenario: a problem reading it (missing when required, a folder, a pipe, too
  // big) is one more error, not the end of the check; none when it cannot be read or is an
  // optional file that is absent.
  std::optional<TextFile> input(const std::string& name, bool required);
  std::optional<TextFile> need(const std::string& name) { return input(name, true); }
  std::optional<TextFile> read_optional(const std::string& name) { return input(name, false); }

  // Cell readers: record the error and return a default, so one pass finds every problem.
  double number(const CsvTable& t, const CsvRow& r, const std::string& col, double lo, double hi,
                std::optional<double> fallback = std::nullopt);
  // Every numeric column of a table's row, as the registry lists them.
  template <typename Row>
  void numbers(const CsvTable& t, const CsvRow& r, std::span<const ScenarioColumn<Row>> columns, Row& row) {
    for (const auto& c : columns) row.*c.member = number(t, r, c.name, c.lower, c.upper, c.fallback);
  }
  // The header a table's reader accepts: its key columns and the registry's required numeric
  // columns, then the numeric columns with defaults and the other optional ones.
  template <typename Row>
  CsvTable table(const TextFile& file, std::vector<std::string> required,
                 std::span<const ScenarioColumn<Row>> columns, std::vector<std::string> optional) {
    std::vector<std::string> with_defaults;
    for (const auto& c : columns) (c.fallback ? with_defaults : required).push_back(c.name);
    with_defaults.insert(with_defaults.end(), optional.begin(), optional.end());
    return CsvTable(file, required, with_defaults, errors);
  }
  bool flag(const CsvTable& t, const CsvRow& r, const std::string& col, bool fallback);
  std::string name(const CsvTable& t, const CsvRow& r, const std::string& col);
  std::optional<Date> date(const CsvTable& t, const CsvRow& r, const std::string& col);
  template <typename Item>
  std::int32_t find(const std::vector<Item>& items, const std::string& name) {
    NameIndex& index = name_index[&items];
    if (index.size != items.size()) {  // a fresh index has size 0; a table is complete when looked up
      index.of.clear();
      for (std::size_t i = 0; i < items.size(); ++i) index.of.emplace(items[i].name, static_cast<std::int32_t>(i));
      index.size = items.size();
    }
    const auto at = index.of.find(name);
    return at == index.of.end() ? -1 : at->second;
  }
  void unique(std::set<std::string>& seen, const std::string& name, const SourcePos& pos, const char* what);

  // Each file's reader (scenario_file.cc, regions_reader.cc, ...), in the order they run: a
  // table may look up names in those read before it.
  void scenario_file();
  void regions();
  void destinations();
  void leavers();
  void checkpoints();
  void flights();
  void events();
  void targets();
  // Checks across the tables, and the priors (which address their rows): scenario_reader.cc.
  void check_sizes();
  void check_reachable();
  void check_agent_count();
  void priors();
};

}  // namespace exodus::scenario_io
