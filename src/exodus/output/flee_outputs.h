#pragma once
// Outputs of a Flee case run besides out.csv (output/flee_out_csv.h): manifest.json (what
// produced the run) and summary.json (what it found), as JSON text.
#include <string>
#include <vector>

#include "exodus/recorder/flee_run_result.h"
#include "exodus/output/run_identity.h"
#include "exodus/score/flee_score.h"
#include "exodus/world/flee_world.h"

namespace exodus {

std::string flee_manifest_json(const FleeWorld& world, const RunIdentity& id);
std::string flee_summary_json(const FleeWorld& world, const FleeRunResult& run, const FleeScore& score);

}  // namespace exodus
