#pragma once
// Use case: run a Flee case (a folder, or the embedded Mali case) and write out.csv,
// manifest.json and summary.json into a new output folder.
#include "exodus/app/flee_case.h"
#include "exodus/app/use_case.h"
#include "exodus/run/flee_run.h"
#include "exodus/score/flee_score.h"

namespace exodus {

struct FleeRunRequest {
  FleeCaseSpec spec;
  std::uint64_t seed = 1;
  int threads = 0;  // 0: every core
  UseCaseOutput output;
  UseCaseHooks hooks;
};

struct FleeRunOutcome {
  LoadedFleeCase loaded;
  FleeRunResult run;  // interrupted: nothing was written
  FleeScore score;
  int threads = 1;
  std::filesystem::path out;
};

FleeRunOutcome run_flee_case(const FleeRunRequest& request);

}  // namespace exodus
