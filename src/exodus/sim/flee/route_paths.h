#pragma once
// Every route an agent at a location can consider, enumerated once for the whole graph as
// Flee's route search would find it with every link open: paths of up to awareness_level
// steps, no location twice, markers passed through without using a step and never a
// destination. On a given day a path is a candidate when all its links are open, which is
// exactly what Flee's search over open links yields.
#include <cstdint>
#include <span>
#include <vector>

#include "exodus/world/graph.h"

namespace exodus {

struct RoutePath {
  std::uint32_t first = 0;  // index into nodes()/links() of its first step
  std::uint8_t length = 0;  // steps
  double distance = 0;      // km along the whole path
};

class RoutePaths {
 public:
  // is_marker[i]: location i is a transparent waypoint.
  RoutePaths(const Graph& graph, const std::vector<bool>& is_marker, int awareness_level);
  RoutePaths() = default;

  // Path ids available from `origin`, a contiguous range.
  std::pair<std::uint32_t, std::uint32_t> from(LocationId origin) const {
    return {origin_begin_[origin], origin_begin_[origin + 1]};
  }
  std::size_t size() const { return paths_.size(); }
  const RoutePath& path(std::uint32_t id) const { return paths_[id]; }
  LocationId node(std::uint32_t id, std::uint32_t step) const { return nodes_[paths_[id].first + step]; }
  LinkId link(std::uint32_t id, std::uint32_t step) const { return links_[paths_[id].first + step]; }
  LocationId end(std::uint32_t id) const { return node(id, paths_[id].length - 1u); }

 private:
  std::vector<std::uint32_t> origin_begin_;
  std::vector<RoutePath> paths_;
  std::vector<LocationId> nodes_;
  std::vector<LinkId> links_;
};

}  // namespace exodus
