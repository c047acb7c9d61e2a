#pragma once
// What a place name in a report or a target stands for, resolved in one place: "ALL" (every
// destination), a destination, a group of destinations (e.g. "Schengen", from destinations.csv),
// several destinations joined by ';' (one name each here), or a checkpoint.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "exodus/world/scenario.h"

namespace exodus {

inline constexpr const char* kAllPlaces = "ALL";

// The names places can be resolved against: destinations with their groups, and checkpoints.
struct PlaceCatalog {
  std::vector<std::string> destinations;
  std::vector<std::vector<std::string>> groups;  // [destination]
  std::vector<std::string> checkpoints;
};
PlaceCatalog catalog_of(const Scenario& s);

bool names_all(const std::vector<std::string>& names);
// Indices of the destinations the names stand for, in destination order, each once; names
// that match nothing are skipped (see unknown_places).
std::vector<std::size_t> destinations_named(const PlaceCatalog& c, const std::vector<std::string>& names);
// The names that are neither ALL, a destination nor a group.
std::vector<std::string> unknown_places(const PlaceCatalog& c, const std::vector<std::string>& names);
std::optional<std::size_t> checkpoint_named(const PlaceCatalog& c, const std::string& name);
// The destination of exactly this name (not a group's), if any.
std::optional<std::size_t> destination_named(const PlaceCatalog& c, const std::string& name);

}  // namespace exodus
