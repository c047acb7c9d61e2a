#pragma once
// The location graph: places and directed links between them, in compressed-sparse-row form
// (the links leaving location i are out_links(i)). Built once, immutable during a run.
#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace exodus {

using LocationId = std::uint32_t;
using LinkId = std::uint32_t;
inline constexpr LocationId kNoLocation = UINT32_MAX;

struct Location {
  std::string name, region, country;
  double latitude = 0, longitude = 0;
};

struct Link {
  LocationId from = 0, to = 0;
  double distance = 0;          // km
  double speed_override = 0;    // km/day from the link's max_move_speed attribute; 0 = none
  double walk_probability = 0;  // chance a traveller walks this link at walking speed
};

class Graph {
 public:
  // Links may be given in any order; they are grouped by origin, keeping their relative order.
  Graph(std::vector<Location> locations, std::vector<Link> links);
  Graph() = default;

  std::size_t location_count() const { return locations_.size(); }
  std::size_t link_count() const { return links_.size(); }
  const Location& location(LocationId id) const { return locations_[id]; }
  const Link& link(LinkId id) const { return links_[id]; }
  const std::vector<Location>& locations() const { return locations_; }
  const std::vector<Link>& links() const { return links_; }
  // Ids of the links leaving `from`, a contiguous range.
  std::pair<LinkId, LinkId> out_links(LocationId from) const {
    return {out_begin_[from], out_begin_[from + 1]};
  }
  // kNoLocation when there is no location with that name.
  LocationId find(const std::string& name) const;

 private:
  std::vector<Location> locations_;
  std::vector<Link> links_;
  std::vector<LinkId> out_begin_;
  std::unordered_map<std::string, LocationId> by_name_;
};

}  // namespace exodus
