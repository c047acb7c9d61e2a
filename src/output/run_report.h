#pragma once
// manifest.json (what produced a run) and summary.json (what it found), as JSON text.
#include <string>
#include <vector>

#include "app/flee_run.h"
#include "core/recording_source.h"
#include "score/flee_score.h"
#include "world/flee_world.h"

namespace exodus {

struct RunIdentity {
  std::string command_line;
  std::uint64_t seed = 0;
  int threads = 1;
  std::string settings_origin;
  std::vector<InputRecord> inputs;
};

std::string flee_manifest_json(const FleeWorld& world, const RunIdentity& id);
std::string flee_summary_json(const FleeWorld& world, const FleeRunResult& run, const FleeScore& score);

}  // namespace exodus
