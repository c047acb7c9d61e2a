#pragma once
// A scenario run's places.csv read back (docs/outputs.md): where its regions, checkpoints and
// destinations lie, for the report's map.
#include <optional>
#include <string>
#include <vector>

#include "exodus/core/text_source.h"

namespace exodus {

struct MapPlace {
  std::string kind;  // region, checkpoint or destination
  std::string name;
  std::optional<double> latitude, longitude;  // none: the scenario gives no position
  std::string leads_to;                       // a checkpoint's destination
};

// Throws InputError naming the file, line and field of an unknown kind, a coordinate that is not
// a number or is off the globe, or a position with only one of its two coordinates.
std::vector<MapPlace> read_places_csv(const TextFile& file);

}  // namespace exodus
