#include "exodus/sim/flee/route_paths.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace exodus {

namespace {

// One search, two uses: with kStore it fills RoutePaths; without, it only counts what would
// be stored and gives up once `visit_cap` visits are passed, so counting is bounded too.
template <bool kStore>
struct Enumerator {
  const Graph& graph;
  const std::vector<bool>& is_marker;
  int awareness;
  std::vector<RoutePath>* paths;
  std::vector<LocationId>* nodes;
  std::vector<LinkId>* links;
  std::vector<std::uint8_t> on_path;  // per location: the origin or a node of the path so far
  std::vector<LinkId> path_links;
  RouteSearchSize size;
  std::uint64_t visit_cap = ~std::uint64_t{0};

  // Mirrors Flee's recursive link weighting: `step` counts non-marker steps so far.
  void visit(LinkId l, double prior, int step) {
    if (!size.complete) return;
    if (++size.visits > visit_cap) {
      size.complete = false;
      return;
    }
    const auto& link = graph.link(l);
    const LocationId e = link.to;
    path_links.push_back(l);
    if (!is_marker[e]) {
      size.longest = std::max<std::uint64_t>(size.longest, path_links.size());
      if (kStore && path_links.size() > kMaxRouteLength) throw std::runtime_error("route longer than 255 steps");
      ++size.paths;
      size.steps += path_links.size();
      if constexpr (kStore) {
        RoutePath p;
        p.first = static_cast<std::uint32_t>(nodes->size());
        p.length = static_cast<std::uint8_t>(path_links.size());
        p.distance = prior + link.distance;
        for (auto pl : path_links) {
          nodes->push_back(graph.link(pl).to);
          links->push_back(pl);
        }
        paths->push_back(p);
      }
    } else {
      --step;
    }
    if (awareness > step) {
      // Flee checks the nodes before e only, so e itself would pass; routes.csv has no
      // self-loops (rejected on reading), so marking e first changes nothing.
      on_path[e] = 1;
      const auto [b, end] = graph.out_links(e);
      for (LinkId next = b; next < end; ++next) {
        if (on_path[graph.link(next).to]) continue;
        visit(next, prior + link.distance, step + 1);
      }
      on_path[e] = 0;
    }
    path_links.pop_back();
  }
};

}  // namespace

double RouteSearchSize::bytes() const {
  // Per path: its RoutePath and its entry in the route tables; per step: a node and a link.
  return static_cast<double>(paths) * (sizeof(RoutePath) + 16) +
         static_cast<double>(steps) * (sizeof(LocationId) + sizeof(LinkId));
}

RouteSearchSize route_search_size(const Graph& graph, const std::vector<bool>& is_marker, int awareness_level,
                                  std::uint64_t visit_cap) {
  Enumerator<false> en{graph, is_marker, awareness_level, nullptr, nullptr, nullptr,
                       std::vector<std::uint8_t>(graph.location_count(), 0), {}, {}, visit_cap};
  for (LocationId o = 0; o < graph.location_count() && en.size.complete; ++o) {
    en.on_path[o] = 1;
    const auto [b, e] = graph.out_links(o);
    for (LinkId l = b; l < e; ++l) en.visit(l, 0.0, 1);
    en.on_path[o] = 0;
  }
  return en.size;
}

RoutePaths::RoutePaths(const Graph& graph, const std::vector<bool>& is_marker, int awareness_level) {
  origin_begin_.assign(graph.location_count() + 1, 0);
  Enumerator<true> en{graph, is_marker, awareness_level, &paths_, &nodes_, &links_,
                      std::vector<std::uint8_t>(graph.location_count(), 0), {}, {}};
  for (LocationId o = 0; o < graph.location_count(); ++o) {
    origin_begin_[o] = static_cast<std::uint32_t>(paths_.size());
    en.on_path[o] = 1;
    const auto [b, e] = graph.out_links(o);
    for (LinkId l = b; l < e; ++l) en.visit(l, 0.0, 1);
    en.on_path[o] = 0;
    if (nodes_.size() > std::numeric_limits<std::uint32_t>::max())
      throw std::runtime_error("more route steps than 32-bit ids can index");
  }
  origin_begin_[graph.location_count()] = static_cast<std::uint32_t>(paths_.size());
}

}  // namespace exodus
