#include "exodus/ranks/camp_table_bytes.h"

#include <stdexcept>

namespace exodus {

namespace {
std::vector<std::int64_t> CampTable::*const kDailyColumns[] = {
    &CampTable::sim_in_camps, &CampTable::data_in_camps, &CampTable::agents, &CampTable::raw_count, &CampTable::debt};
}  // namespace

void put_camp_table(ByteWriter& w, const CampTable& table) {
  w.put<std::uint64_t>(table.camps.size());
  w.put<std::uint64_t>(table.days());
  for (std::size_t d = 0; d < table.days(); ++d) {
    w.put_vector(std::span<const std::int64_t>(table.sim[d]));
    w.put_vector(std::span<const std::int64_t>(table.data[d]));
  }
  for (const auto column : kDailyColumns) w.put_vector(std::span<const std::int64_t>(table.*column));
}

CampTable get_camp_table(ByteReader& r, const std::vector<std::string>& camps) {
  CampTable t;
  t.camps = camps;
  if (r.get<std::uint64_t>() != camps.size()) throw std::runtime_error("a rank sent the camps of another case");
  const auto days = r.get<std::uint64_t>();
  for (std::uint64_t d = 0; d < days; ++d) {
    t.sim.push_back(r.get_vector<std::int64_t>());
    t.data.push_back(r.get_vector<std::int64_t>());
    if (t.sim.back().size() != camps.size() || t.data.back().size() != camps.size())
      throw std::runtime_error("a rank sent a day of another case's camps");
  }
  for (const auto column : kDailyColumns) {
    t.*column = r.get_vector<std::int64_t>();
    if ((t.*column).size() != days) throw std::runtime_error("a rank sent a camp table whose columns differ in length");
  }
  return t;
}

}  // namespace exodus
