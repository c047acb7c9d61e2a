#include "exodus/sim/flee/route_paths.h"

#include <gtest/gtest.h>

#include <set>

namespace exodus {
namespace {

// A - B - C - D in a line, plus A - C.
Graph line_graph() {
  std::vector<Location> locs;
  for (const char* n : {"A", "B", "C", "D"}) locs.push_back({n, "", "", 0, 0});
  std::vector<Link> links;
  const auto both = [&](LocationId a, LocationId b, double d) {
    links.push_back({a, b, d, 0, 0});
    links.push_back({b, a, d, 0, 0});
  };
  both(0, 1, 10);
  both(1, 2, 20);
  both(2, 3, 30);
  both(0, 2, 50);
  return Graph(locs, links);
}

std::set<std::vector<LocationId>> paths_from(const RoutePaths& r, LocationId o) {
  std::set<std::vector<LocationId>> out;
  const auto [b, e] = r.from(o);
  for (auto p = b; p < e; ++p) {
    std::vector<LocationId> nodes;
    for (std::uint32_t k = 0; k < r.path(p).length; ++k) nodes.push_back(r.node(p, k));
    out.insert(nodes);
  }
  return out;
}

TEST(RoutePaths, AwarenessOneMeansNeighbours) {
  const auto g = line_graph();
  const RoutePaths r(g, std::vector<bool>(4, false), 1);
  EXPECT_EQ(paths_from(r, 0), (std::set<std::vector<LocationId>>{{1}, {2}}));
}

TEST(RoutePaths, AwarenessTwoAddsEveryTwoStepPrefixWithoutLoops) {
  const auto g = line_graph();
  const RoutePaths r(g, std::vector<bool>(4, false), 2);
  EXPECT_EQ(paths_from(r, 0),
            (std::set<std::vector<LocationId>>{{1}, {1, 2}, {2}, {2, 1}, {2, 3}}));
  const auto [b, e] = r.from(0);
  for (auto p = b; p < e; ++p) {
    if (r.path(p).length == 2 && r.node(p, 1) == 3) {
      EXPECT_DOUBLE_EQ(r.path(p).distance, 80.0);
    }
  }
}

TEST(RoutePaths, MarkersArePassedThroughWithoutUsingAStep) {
  const auto g = line_graph();
  std::vector<bool> marker(4, false);
  marker[1] = true;  // B
  const RoutePaths r(g, marker, 1);
  // From A: B is not a destination, but C through B is, as is C directly.
  EXPECT_EQ(paths_from(r, 0), (std::set<std::vector<LocationId>>{{1, 2}, {2}}));
}


TEST(RouteSearchSize, CountsWhatRoutePathsStoresWithoutStoringIt) {
  const auto g = line_graph();
  for (int awareness : {1, 2, 3}) {
    for (const auto& markers : {std::vector<bool>(4, false), std::vector<bool>{false, true, false, false}}) {
      const RoutePaths r(g, markers, awareness);
      std::uint64_t steps = 0;
      for (std::uint32_t p = 0; p < r.size(); ++p) steps += r.path(p).length;
      const RouteSearchSize size = route_search_size(g, markers, awareness, 1'000'000);
      EXPECT_TRUE(size.complete);
      EXPECT_EQ(size.paths, r.size()) << "awareness " << awareness;
      EXPECT_EQ(size.steps, steps) << "awareness " << awareness;
      EXPECT_GE(size.visits, size.paths);
    }
  }
}

TEST(RouteSearchSize, StopsAtItsCap) {
  const auto g = line_graph();
  const RouteSearchSize full = route_search_size(g, std::vector<bool>(4, false), 3, 1'000'000);
  const RouteSearchSize capped = route_search_size(g, std::vector<bool>(4, false), 3, full.visits - 1);
  EXPECT_FALSE(capped.complete);
  EXPECT_EQ(capped.visits, full.visits);  // the visit past the cap is counted, then the search stops
  EXPECT_LT(capped.paths, full.paths);
}

}  // namespace
}  // namespace exodus
