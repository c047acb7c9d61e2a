#pragma once
// A Flee case turned into what the engine runs: the graph, each location's starting state, the
// dated schedules (conflicts, closures) and the validation series per day. Built from the read
// input files by io/flee/flee_world_builder.h, which makes every cross-file check.
#include <cstdint>
#include <string>
#include <vector>

#include "exodus/core/date.h"
#include "exodus/world/flee_settings.h"
#include "exodus/world/graph.h"

namespace exodus {

// Location kinds as Flee flags them; a location can carry several (a camp hit by conflict).
enum FleeLocationFlag : std::uint8_t {
  kFleeCamp = 1,
  kFleeIdpCamp = 2,
  kFleeTown = 4,
  kFleeForward = 8,
  kFleeMarker = 16,
  kFleeFloodZone = 32,
};

struct FleeLocationStart {
  std::uint8_t flags = 0;
  double movechance = 0;
  double conflict = -1;  // intensity; <= 0 means not in conflict
  std::int64_t population = 0;
  double capacity = -1;  // camps only; -1 = unlimited
  bool foreign = false;  // country differs from the first location's
  std::int64_t initial_idps = 0;
  std::int64_t capacity_per_day = 0;
};

// A conflict starting (intensity > 0) or ending (intensity <= 0) at a location.
struct FleeConflictChange {
  LocationId location = 0;
  double intensity = 0;
};

enum class FleeClosureKind { kLinks, kCamp, kIdpCamp, kNoEffect };

struct FleeClosure {
  std::size_t line = 0;
  FleeClosureKind kind = FleeClosureKind::kLinks;
  std::vector<LinkId> links;  // kLinks: the directed links it closes
  LocationId location = kNoLocation;  // kCamp / kIdpCamp
  std::int64_t start = 0;
  std::int64_t end = -1;  // day it is lifted; never when < 0 or not after start
};

struct FleeSeries {
  std::string name;
  std::vector<std::int64_t> daily;  // Flee's D(t): int of the linear interpolation, t = 0..days-1
};

struct FleeWorld {
  std::string case_name;
  Graph graph;
  std::vector<FleeLocationStart> start_state;
  FleeSettings settings;
  Date start_date;
  // The date of day d's counts: taken after the day's step, so StartDate + d + 1, as Flee
  // dates its out.csv rows. Every output of a Flee case dates its days this way.
  Date date_of_day(std::size_t d) const { return start_date + static_cast<std::int32_t>(d + 1); }
  std::int32_t days = 0;
  std::vector<std::vector<FleeConflictChange>> conflict_changes;  // [day]
  std::vector<FleeClosure> closures;                             // in file order
  std::vector<LocationId> camps;  // camps in locations.csv order (out.csv's columns)
  // Validation data, when given: series[0] is the total, then one per data_layout row.
  std::vector<FleeSeries> series;
  std::vector<std::int32_t> camp_series;  // for camps[i], its index in `series`
  bool has_validation() const { return !series.empty(); }
  // Input oddities Flee accepts and exodus therefore runs with, reported to the user.
  std::vector<std::string> warnings;
};

}  // namespace exodus
