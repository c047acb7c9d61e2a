#include "exodus/page/places_csv_reader.h"

#include <fmt/format.h>

#include "exodus/core/csv_table.h"
#include "exodus/core/parse.h"

namespace exodus {

std::vector<MapPlace> read_places_csv(const TextFile& file) {
  ErrorList errors;
  const CsvTable t(file, {"kind", "place", "latitude", "longitude", "leads_to"}, {}, errors);
  errors.throw_if_any();
  std::vector<MapPlace> out;
  for (const auto& row : t.rows()) {
    MapPlace p;
    p.kind = t.cell(row, "kind");
    if (p.kind != "region" && p.kind != "checkpoint" && p.kind != "destination")
      throw InputError(t.pos(row, "kind"), fmt::format("'{}' is not a kind of places.csv (region, checkpoint or destination)", p.kind));
    p.name = t.cell(row, "place");
    p.leads_to = t.cell(row, "leads_to");
    const auto coordinate = [&](const char* column, double limit) -> std::optional<double> {
      const std::string text = t.cell(row, column);
      if (text.empty()) return std::nullopt;
      const double v = parse_double(text, t.pos(row, column));
      if (!(v >= -limit && v <= limit))
        throw InputError(t.pos(row, column), fmt::format("{} is outside [-{}, {}]", v, limit, limit));
      return v;
    };
    p.latitude = coordinate("latitude", 90);
    p.longitude = coordinate("longitude", 180);
    if (p.latitude.has_value() != p.longitude.has_value())
      throw InputError(t.pos(row, p.latitude ? "longitude" : "latitude"), "a position needs both latitude and longitude");
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace exodus
