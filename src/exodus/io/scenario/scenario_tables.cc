#include "exodus/io/scenario/scenario_tables.h"

#include <fmt/format.h>

#include "exodus/core/parse.h"

namespace exodus::scenario_io {

std::optional<TextFile> Reader::input(const std::string& name, bool required) {
  try {
    return required ? std::optional<TextFile>(folder.require(name)) : folder.read(name);
  } catch (const InputError& e) {
    errors.add(e);
    return std::nullopt;
  }
}

double Reader::number(const CsvTable& t, const CsvRow& r, const std::string& col, double lo, double hi,
                      std::optional<double> fallback) {
  const std::string text = t.cell(r, col);
  if (text.empty() && fallback) return *fallback;
  try {
    const double v = parse_double(text, t.pos(r, col));
    if (v < lo || v > hi) {
      errors.add(t.pos(r, col), fmt::format("{} is outside the allowed range [{}, {}]", v, lo, hi));
      return fallback.value_or(lo);
    }
    return v;
  } catch (const InputError& e) {
    errors.add(e);
    return fallback.value_or(lo);
  }
}

bool Reader::flag(const CsvTable& t, const CsvRow& r, const std::string& col, bool fallback) {
  const std::string v = to_lower(t.cell(r, col));
  if (v.empty()) return fallback;
  if (v == "1" || v == "yes" || v == "true") return true;
  if (v == "0" || v == "no" || v == "false") return false;
  errors.add(t.pos(r, col), fmt::format("expected yes or no, found '{}'", v));
  return fallback;
}

std::string Reader::name(const CsvTable& t, const CsvRow& r, const std::string& col) {
  std::string v = t.cell(r, col);
  if (v.empty()) errors.add(t.pos(r, col), "is empty");
  return v;
}

std::optional<Date> Reader::date(const CsvTable& t, const CsvRow& r, const std::string& col) {
  try {
    return parse_date(t.cell(r, col), t.pos(r, col));
  } catch (const InputError& e) {
    errors.add(e);
    return std::nullopt;
  }
}

void Reader::unique(std::set<std::string>& seen, const std::string& name, const SourcePos& pos, const char* what) {
  if (!name.empty() && !seen.insert(name).second) errors.add(pos, fmt::format("duplicate {} '{}'", what, name));
}

}  // namespace exodus::scenario_io
