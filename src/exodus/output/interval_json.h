#pragma once
// An interval as every summary.json writes it: {"median", "50%": [lo, hi], "90%": [lo, hi]}.
#include <nlohmann/json.hpp>

#include "exodus/core/interval.h"

namespace exodus {

inline nlohmann::json interval_json(const Interval& i) {
  return {{"median", i.median}, {"50%", {i.lo50, i.hi50}}, {"90%", {i.lo90, i.hi90}}};
}

}  // namespace exodus
