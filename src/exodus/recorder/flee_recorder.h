#pragma once
// Records, after each day, what Flee's out.csv reports: each camp's agents beside its data,
// the totals, the raw count and the debt.
#include "exodus/recorder/camp_table.h"
#include "exodus/sim/flee/flee_rules.h"
#include "exodus/world/flee_world.h"

namespace exodus {

class FleeRecorder {
 public:
  explicit FleeRecorder(const FleeWorld& world);
  void record(std::int32_t day, const FleeRules& rules);
  const CampTable& table() const { return table_; }

 private:
  const FleeWorld& world_;
  CampTable table_;
};

}  // namespace exodus
