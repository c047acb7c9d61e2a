#include "exodus/world/places.h"

#include <algorithm>

namespace exodus {

PlaceCatalog catalog_of(const Scenario& s) {
  PlaceCatalog c;
  for (const auto& d : s.destinations) {
    c.destinations.push_back(d.name);
    c.groups.push_back(d.groups);
  }
  for (const auto& p : s.checkpoints) c.checkpoints.push_back(p.name);
  return c;
}

bool names_all(const std::vector<std::string>& names) { return names.size() == 1 && names[0] == kAllPlaces; }

namespace {
bool stands_for(const PlaceCatalog& c, std::size_t d, const std::string& name) {
  if (name == kAllPlaces || c.destinations[d] == name) return true;
  const auto& g = d < c.groups.size() ? c.groups[d] : std::vector<std::string>{};
  return std::find(g.begin(), g.end(), name) != g.end();
}
}  // namespace

std::vector<std::size_t> destinations_named(const PlaceCatalog& c, const std::vector<std::string>& names) {
  std::vector<std::size_t> out;
  for (std::size_t d = 0; d < c.destinations.size(); ++d)
    if (std::any_of(names.begin(), names.end(), [&](const std::string& n) { return stands_for(c, d, n); }))
      out.push_back(d);
  return out;
}

std::vector<std::string> unknown_places(const PlaceCatalog& c, const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const auto& n : names) {
    bool known = false;
    for (std::size_t d = 0; d < c.destinations.size() && !known; ++d) known = stands_for(c, d, n);
    if (!known && n != kAllPlaces) out.push_back(n);
  }
  return out;
}

std::optional<std::size_t> checkpoint_named(const PlaceCatalog& c, const std::string& name) {
  for (std::size_t i = 0; i < c.checkpoints.size(); ++i)
    if (c.checkpoints[i] == name) return i;
  return std::nullopt;
}

std::optional<std::size_t> destination_named(const PlaceCatalog& c, const std::string& name) {
  for (std::size_t i = 0; i < c.destinations.size(); ++i)
    if (c.destinations[i] == name) return i;
  return std::nullopt;
}

}  // namespace exodus
