#pragma once
// A Flee run's camp table (recorder/camp_table.h) as bytes and back, exactly: what a worker
// rank sends of a Flee member run over the whole case, the part a camp forecast reads. The
// camps' names do not travel: rank 0 has the same case and checks the count.
#include "exodus/ranks/byte_buffer.h"
#include "exodus/recorder/camp_table.h"

namespace exodus {

void put_camp_table(ByteWriter& w, const CampTable& table);
// `camps`: the names the table's columns are of (rank 0's own case).
CampTable get_camp_table(ByteReader& r, const std::vector<std::string>& camps);

}  // namespace exodus
