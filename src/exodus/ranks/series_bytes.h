#pragma once
// A run's daily series (recorder/series_table.h) as bytes and back, exactly: what a worker rank
// sends of a member run over the whole scenario, the part a forecast reads.
#include <span>
#include <vector>

#include "exodus/ranks/byte_buffer.h"
#include "exodus/recorder/series_table.h"

namespace exodus {

void put_series(ByteWriter& w, const SeriesTable& table);
SeriesTable get_series(ByteReader& r);

}  // namespace exodus
