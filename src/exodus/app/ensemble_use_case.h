#pragma once
// Use case: run a scenario as an ensemble (exodus run --members N [--prior]): N runs side by
// side, each with its own seed and, with --prior, its own draw of the uncertain parameters
// from priors.csv; write forecast.csv (the calibration's band layout), members.csv,
// reports_fit.csv (when the scenario has reports), summary.json and manifest.json.
// Quick uncertainty without calibration: the spread of what the model gives under its priors,
// not fitted to any figure.
#include <optional>

#include "exodus/app/load_scenario.h"
#include "exodus/app/use_case.h"
#include "exodus/core/limits.h"
#include "exodus/ranks/rank_farm.h"
#include "exodus/infer/ensemble_result.h"

namespace exodus {

inline constexpr std::size_t kMostEnsembleMembers = 10'000;

struct EnsembleRequest {
  std::optional<std::filesystem::path> folder;  // none: the embedded default
  std::int32_t days = 0;                        // > 0: only the first days
  std::optional<std::uint64_t> seed;            // none: the scenario's own
  std::size_t members = 16;
  bool prior = false;  // draw each member's parameters from the scenario's priors
  int threads = 0;
  RankFarm* farm = nullptr;  // under MPI: the job's ranks, which share the members (ranks/rank_farm.h)
  InputLimits limits;
  UseCaseOutput output;
  UseCaseHooks hooks;
};

struct EnsembleOutcome {
  LoadedScenario loaded;
  EnsembleResult result;
  int threads = 1;
  std::filesystem::path out;
};

// Throws InputError(s) for bad inputs (--prior on a scenario without priors), OutputError when
// the folder may not be written, Interrupted when stopped (nothing written).
EnsembleOutcome run_ensemble_case(const EnsembleRequest& request);

}  // namespace exodus
