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

inline constexpr std::size_t kMaxRouteLength = 255;  // steps, RoutePath::length's range

// What RoutePaths would hold, counted without storing it. Paths grow factorially through
// markers and as links^awareness around a hub, so a case is sized before it is built.
struct RouteSearchSize {
  std::uint64_t visits = 0;  // links followed by the search, markers included
  std::uint64_t paths = 0;   // routes stored
  std::uint64_t steps = 0;   // their steps summed
  std::uint64_t longest = 0; // steps of the longest route (RoutePaths holds up to kMaxRouteLength)
  bool complete = true;      // false: the count stopped at its cap, so the true size is larger
  double bytes() const;      // memory the stored routes would take
};

// Stops counting once more than `visit_cap` links are followed, so the count costs at most
// that much work however large the true size is.
RouteSearchSize route_search_size(const Graph& graph, const std::vector<bool>& is_marker, int awareness_level,
                                  std::uint64_t visit_cap);

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
