#pragma once
// Flee agents as structure-of-arrays: 17 bytes each. An agent is either at a location or on a
// link; its planned route is an id into RoutePaths and the index of its next step; `wake` is
// the next day it acts (tomorrow while it travels; for one that stays put, the day its
// location's move chance first comes up, drawn once: FleeRules).
#include <cstdint>
#include <vector>

namespace exodus {

struct FleeAgents {
  // Bit 31: on a link. Bit 30: the link closed while it was on it, so it turns back on arrival.
  // Bits 0-29: the location or link id.
  static constexpr std::uint32_t kOnLink = 1u << 31;
  static constexpr std::uint32_t kTurnBack = 1u << 30;
  static constexpr std::uint32_t kIdMask = kTurnBack - 1;
  static constexpr std::uint32_t kNoRoute = UINT32_MAX;

  std::vector<std::uint32_t> where;
  std::vector<float> progress;          // km travelled on the current link
  std::vector<std::uint32_t> route;     // RoutePaths id, or kNoRoute
  std::vector<std::uint8_t> route_step; // index of the next step on `route`
  std::vector<std::int32_t> wake;       // next day it acts; the run's length if none

  std::size_t size() const { return where.size(); }
  void reserve(std::size_t n) {
    where.reserve(n);
    progress.reserve(n);
    route.reserve(n);
    route_step.reserve(n);
    wake.reserve(n);
  }
  void add_at(std::uint32_t location) {
    where.push_back(location);
    progress.push_back(0.0f);
    route.push_back(kNoRoute);
    route_step.push_back(0);
    wake.push_back(0);  // drawn when the rule set first sees it
  }
  static constexpr std::size_t kBytesPerAgent =
      sizeof(std::uint32_t) + sizeof(float) + sizeof(std::uint32_t) + sizeof(std::uint8_t) + sizeof(std::int32_t);
};

}  // namespace exodus
