#pragma once
// What produced a run, as every manifest.json records it: the command, seed, threads, where
// the settings came from, every input read with its SHA-256, and every file written.
#include <cstdint>
#include <string>
#include <vector>

#include "exodus/core/recording_source.h"

namespace exodus {

struct RunIdentity {
  std::string command_line;
  std::uint64_t seed = 0;
  int threads = 1;
  std::string settings_origin;
  std::vector<InputRecord> inputs;
  // Every file the run writes into its folder, manifest.json included: --force replaces a
  // folder only when it holds these and nothing else.
  std::vector<std::string> outputs;
  // Under mpirun: the ranks that ran members (ranks/rank_farm.h), the member runs other ranks
  // than 0 made and the bytes of their jobs and results. Results depend on none of them.
  int ranks = 1;
  std::uint64_t member_runs_on_other_ranks = 0, bytes_between_ranks = 0;
};

}  // namespace exodus
