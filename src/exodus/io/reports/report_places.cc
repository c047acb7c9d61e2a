#include "exodus/io/reports/report_places.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "exodus/core/suggest.h"
#include "exodus/world/places.h"

namespace exodus {

std::vector<InputError> check_report_places(const ReportSet& reports, const Scenario& s) {
  const PlaceCatalog places = catalog_of(s);
  std::vector<std::string> names = places.destinations;
  for (const auto& groups : places.groups)
    for (const auto& g : groups)
      if (std::find(names.begin(), names.end(), g) == names.end()) names.push_back(g);
  std::vector<InputError> out;
  for (const auto& r : reports.reports) {
    for (const auto& d : unknown_places(places, r.destinations))
      out.emplace_back(SourcePos{reports.file, r.line, "destination"},
                       fmt::format("'{}' is not a destination of scenario '{}'{}", d, s.name, did_you_mean(d, names)));
    if (r.checkpoint.empty()) continue;
    const auto c = checkpoint_named(places, r.checkpoint);
    if (!c) {
      out.emplace_back(SourcePos{reports.file, r.line, "checkpoint"},
                       fmt::format("'{}' is not a checkpoint of scenario '{}'{}", r.checkpoint, s.name,
                                   did_you_mean(r.checkpoint, places.checkpoints)));
      continue;
    }
    const std::string& leads_to = s.destinations[s.checkpoints[*c].destination].name;
    const auto named = destinations_named(places, r.destinations);
    if (!names_all(r.destinations) && !named.empty() &&
        std::find(named.begin(), named.end(), s.checkpoints[*c].destination) == named.end())
      out.emplace_back(SourcePos{reports.file, r.line, "checkpoint"},
                       fmt::format("'{}' leads to {} in scenario '{}', not to the destination this report names",
                                   r.checkpoint, leads_to, s.name));
  }
  return out;
}

std::vector<std::string> near_duplicate_places(const ReportSet& reports) {
  std::map<std::string, std::size_t> first_line;  // each destination name, where it first appears
  for (const auto& r : reports.reports)
    for (const auto& d : r.destinations)
      if (d != kAllPlaces) first_line.emplace(d, r.line);
  std::vector<std::string> out;
  std::size_t more = 0;  // pairs past the first kMostShown: counted, not listed
  constexpr std::size_t kMostShown = 10;
  for (auto a = first_line.begin(); a != first_line.end(); ++a)
    for (auto b = std::next(a); b != first_line.end(); ++b) {
      // (edit_distance ignores case, so names that differ only in case are at distance 0.)
      const auto distance = edit_distance(a->first, b->first);
      if (distance * 3 <= std::max<std::size_t>(std::min(a->first.size(), b->first.size()), 3)) {
        if (out.size() == kMostShown) {
          ++more;
          continue;
        }
        out.push_back(fmt::format("{}: destinations '{}' (line {}) and '{}' (line {}) look like one place spelt two ways; "
                                  "each becomes a corridor of its own",
                                  reports.file, a->first, a->second, b->first, b->second));
      }
    }
  if (more > 0)
    out.push_back(fmt::format("{}: and {} more pairs of destinations that look alike", reports.file, more));
  return out;
}

}  // namespace exodus
