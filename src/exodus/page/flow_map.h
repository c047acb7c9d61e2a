#pragma once
// The report's map of a scenario run: regions, checkpoints and destinations at the positions the
// scenario gives (places.csv), and a line for every corridor that carried anyone, as wide as its
// flow on the day the reader picks with a slider: leavers setting off by road from a region to a
// checkpoint, leavers crossing at a checkpoint into its destination, and leavers flying from a
// region to a destination. Checkpoints are drawn as large as their queue, destinations as their
// stock of leavers.
#include <string>
#include <vector>

#include "exodus/recorder/series_table.h"
#include "exodus/page/places_csv_reader.h"
#include "exodus/page/page_html.h"

namespace exodus {

// An empty chart (no title) when fewer than two places have a position. Places without one are
// left off, and the note says how many.
PageChart flow_map_chart(const SeriesTable& run, const std::vector<MapPlace>& places, const std::string& section);

}  // namespace exodus
