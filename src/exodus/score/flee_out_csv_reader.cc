#include "exodus/score/flee_out_csv_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "exodus/core/csv.h"
#include "exodus/core/digit_grouping.h"
#include "exodus/core/error.h"
#include "exodus/core/parse.h"

namespace exodus {

namespace {

constexpr const char* kDataInCamps = "refugees in camps (UNHCR)";
constexpr const char* kSimInCamps = "refugees in camps (simulation)";
constexpr const char* kAgents = "total refugees (simulation)";
constexpr const char* kRawCount = "raw UNHCR refugee count";
constexpr const char* kDebt = "refugee_debt";

struct Columns {
  std::vector<std::size_t> sim, data;  // per camp
  std::optional<std::size_t> day, data_in_camps, sim_in_camps, agents, raw, debt;
};

// The columns the table reads, by name; problems with the header go to `errors`.
Columns find_columns(const TextFile& file, const CsvRow& header, CampTable& t, ErrorList& errors) {
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < header.fields.size(); ++i)
    if (!index.emplace(header.fields[i], i).second && !header.fields[i].empty())
      errors.add({file.name, header.line, header.fields[i]}, "column appears twice");
  const auto find = [&](const std::string& name) -> std::optional<std::size_t> {
    const auto it = index.find(name);
    return it == index.end() ? std::nullopt : std::optional<std::size_t>(it->second);
  };
  Columns c;
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string& h = header.fields[i];
    if (h.size() <= 4 || !h.ends_with(" sim")) continue;
    const std::string camp = h.substr(0, h.size() - 4);
    const auto data = find(camp + " data");
    if (!data) {
      errors.add({file.name, header.line, h}, fmt::format("has no '{} data' column beside it: every camp's simulated "
                                                          "column needs its data column",
                                                          camp));
      continue;
    }
    t.camps.push_back(camp);
    c.sim.push_back(i);
    c.data.push_back(*data);
  }
  c.day = find("Day");
  c.data_in_camps = find(kDataInCamps);
  c.sim_in_camps = find(kSimInCamps);
  c.agents = find(kAgents);
  c.raw = find(kRawCount);
  c.debt = find(kDebt);
  if (t.camps.empty() && errors.empty())
    errors.add({file.name, header.line, ""}, "is not a Flee out.csv: no '<camp> sim' column" + delimiter_hint(header));
  for (const auto& [column, name] : {std::pair{c.data_in_camps, kDataInCamps}, std::pair{c.sim_in_camps, kSimInCamps}})
    if (!column) errors.add({file.name, header.line, name}, "required column is missing: is this a Flee out.csv?");
  return c;
}

// A count of people: a finite number, whole-valued up to rounding, in [0, kMostPeople].
std::int64_t count_at(const TextFile& file, const CsvRow& row, const CsvRow& header, std::optional<std::size_t> column,
                      ErrorList& errors) {
  if (!column) return 0;
  const std::string& name = header.fields[*column];
  const SourcePos pos{file.name, row.line, name};
  if (*column >= row.fields.size()) {
    errors.add(pos, fmt::format("missing: the row has {} fields, the header {}", row.fields.size(), header.fields.size()));
    return 0;
  }
  try {
    const double v = parse_double(trim(row.fields[*column]), pos);
    if (!(v >= 0 && v <= kMostPeople)) {
      errors.add(pos, fmt::format("{} is not a count of people (0 to {})", row.fields[*column], grouped(static_cast<std::int64_t>(kMostPeople))));
      return 0;
    }
    return std::llround(v);
  } catch (const InputError& e) {
    errors.add(e);
    return 0;
  }
}

}  // namespace

bool is_flee_out_header(const std::vector<std::string>& fields) {
  return std::any_of(fields.begin(), fields.end(), [](const std::string& f) { return f.ends_with(" sim") || f == kSimInCamps; });
}

CampTable read_flee_out_csv(const TextFile& file, std::int64_t max_days) {
  const auto rows = parse_csv(file);
  if (rows.empty()) throw InputError({file.name, 0, ""}, "is empty: a Flee out.csv starts with a header");
  const CsvRow& header = rows.front();
  CampTable t;
  ErrorList errors;
  const Columns c = find_columns(file, header, t, errors);
  errors.throw_if_any();
  // A header alone is a file cut short: an ARD of 0 over no day would read as a perfect fit.
  if (rows.size() == 1) throw InputError({file.name, header.line, ""}, "has no day, only its header: was it cut short?");
  if (static_cast<std::int64_t>(rows.size() - 1) > max_days)
    throw InputError({file.name, rows[static_cast<std::size_t>(max_days) + 1].line, ""},
                     fmt::format("holds {} days; {}", rows.size() - 1, limit_clause(max_days, "--max-days")));
  for (std::size_t r = 1; r < rows.size() && errors.size() < 100; ++r) {
    const CsvRow& row = rows[r];
    if (row.fields.size() > header.fields.size())
      errors.add({file.name, row.line, ""}, fmt::format("has {} fields, the header {}", row.fields.size(), header.fields.size()));
    if (c.day) {
      const SourcePos pos{file.name, row.line, "Day"};
      const auto due = static_cast<std::int64_t>(r - 1);
      if (*c.day >= row.fields.size()) {
        errors.add(pos, "missing");
      } else {
        try {
          if (parse_int(trim(row.fields[*c.day]), pos, 0, max_days) != due)
            errors.add(pos, fmt::format("is {} where day {} is due: one row a day, from day 0, in order", row.fields[*c.day], due));
        } catch (const InputError& e) {
          errors.add(e);
        }
      }
    }
    std::vector<std::int64_t> sim, data;
    for (std::size_t k = 0; k < t.camps.size(); ++k) {
      sim.push_back(count_at(file, row, header, c.sim[k], errors));
      data.push_back(count_at(file, row, header, c.data[k], errors));
    }
    t.sim.push_back(std::move(sim));
    t.data.push_back(std::move(data));
    t.data_in_camps.push_back(count_at(file, row, header, c.data_in_camps, errors));
    t.sim_in_camps.push_back(count_at(file, row, header, c.sim_in_camps, errors));
    t.agents.push_back(count_at(file, row, header, c.agents, errors));
    t.raw_count.push_back(count_at(file, row, header, c.raw, errors));
    t.debt.push_back(count_at(file, row, header, c.debt, errors));
  }
  errors.throw_if_any();
  return t;
}

}  // namespace exodus
