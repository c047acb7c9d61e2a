#pragma once
// Walker/Vose alias tables: after O(n) set-up, a weighted choice among n options costs O(1).
// Route choice builds one table per location per day and every mover samples it.
#include <cstdint>
#include <span>
#include <vector>

#include "exodus/core/random.h"

namespace exodus {

// Many alias tables in flat arrays, rebuilt in place without reallocating once warm.
class AliasPool {
 public:
  // Starts a new set of tables; tables are then added in order and identified by their index.
  void clear();
  // Adds a table over `weights` (non-negative). When they sum to zero every option is equally
  // likely, as in Flee. Returns the table index.
  std::uint32_t add(std::span<const double> weights);
  std::uint32_t size(std::uint32_t table) const { return sizes_[table]; }
  // An option index in [0, size(table)); the table must not be empty.
  std::uint32_t sample(std::uint32_t table, CounterRng& rng) const {
    const std::uint32_t base = offsets_[table];
    const std::uint32_t pick = rng.next_below(sizes_[table]);
    return rng.next_unit() < probability_[base + pick] ? pick : alias_[base + pick];
  }

 private:
  std::vector<std::uint32_t> offsets_, sizes_;
  std::vector<double> probability_;
  std::vector<std::uint32_t> alias_;
  std::vector<double> scaled_;  // scratch
  std::vector<std::uint32_t> small_, large_;
};

}  // namespace exodus
