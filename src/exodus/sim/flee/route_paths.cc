#include "exodus/sim/flee/route_paths.h"

#include <algorithm>
#include <stdexcept>

namespace exodus {

namespace {

struct Enumerator {
  const Graph& graph;
  const std::vector<bool>& is_marker;
  int awareness;
  std::vector<RoutePath>& paths;
  std::vector<LocationId>& nodes;
  std::vector<LinkId>& links;
  std::vector<LocationId> visited;   // origin and the nodes before the current step
  std::vector<LinkId> path_links;

  // Mirrors Flee's recursive link weighting: `step` counts non-marker steps so far.
  void visit(LinkId l, double prior, int step) {
    const auto& link = graph.link(l);
    const LocationId e = link.to;
    path_links.push_back(l);
    if (!is_marker[e]) {
      if (path_links.size() > 255) throw std::runtime_error("route longer than 255 steps");
      RoutePath p;
      p.first = static_cast<std::uint32_t>(nodes.size());
      p.length = static_cast<std::uint8_t>(path_links.size());
      p.distance = prior + link.distance;
      for (auto pl : path_links) {
        nodes.push_back(graph.link(pl).to);
        links.push_back(pl);
      }
      paths.push_back(p);
    } else {
      --step;
    }
    if (awareness > step) {
      visited.push_back(e);
      const auto [b, end] = graph.out_links(e);
      for (LinkId next = b; next < end; ++next) {
        const LocationId to = graph.link(next).to;
        // Flee checks the nodes before e only, so e itself would pass; routes.csv has no
        // self-loops (rejected on reading), so that case cannot arise.
        if (std::find(visited.begin(), visited.end() - 1, to) != visited.end() - 1) continue;
        visit(next, prior + link.distance, step + 1);
      }
      visited.pop_back();
    }
    path_links.pop_back();
  }
};

}  // namespace

RoutePaths::RoutePaths(const Graph& graph, const std::vector<bool>& is_marker, int awareness_level) {
  origin_begin_.assign(graph.location_count() + 1, 0);
  Enumerator en{graph, is_marker, awareness_level, paths_, nodes_, links_, {}, {}};
  for (LocationId o = 0; o < graph.location_count(); ++o) {
    origin_begin_[o] = static_cast<std::uint32_t>(paths_.size());
    en.visited.assign(1, o);
    const auto [b, e] = graph.out_links(o);
    for (LinkId l = b; l < e; ++l) en.visit(l, 0.0, 1);
  }
  origin_begin_[graph.location_count()] = static_cast<std::uint32_t>(paths_.size());
}

}  // namespace exodus
