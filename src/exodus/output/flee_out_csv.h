#pragma once
// out.csv in Flee's column layout, so Flee's plotting and analysis scripts read it unchanged.
#include <string>

#include "exodus/recorder/camp_table.h"
#include "exodus/world/flee_world.h"

namespace exodus {

std::string format_flee_out_csv(const FleeWorld& world, const CampTable& table);

}  // namespace exodus
