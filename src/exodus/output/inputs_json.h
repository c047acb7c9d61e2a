#pragma once
// A manifest's `inputs`: each input file read, with its size and SHA-256, as every verb writes
// it; and what the verbs whose members may spread over MPI ranks all record of how they ran.
#include <nlohmann/json.hpp>

#include "exodus/output/run_identity.h"

namespace exodus {

inline nlohmann::json inputs_json(const RunIdentity& id) {
  nlohmann::json inputs = nlohmann::json::array();
  for (const auto& r : id.inputs) inputs.push_back({{"file", r.name}, {"bytes", r.bytes}, {"sha256", r.sha256}});
  return inputs;
}

// command, seed, threads, ranks, member_runs_on_other_ranks, bytes_between_ranks, inputs and
// outputs: a manifest's part for an ensemble or a calibration.
inline nlohmann::json member_run_identity_json(const RunIdentity& id) {
  return {{"command", id.command_line},
          {"seed", id.seed},
          {"threads", id.threads},
          {"ranks", id.ranks},
          {"member_runs_on_other_ranks", id.member_runs_on_other_ranks},
          {"bytes_between_ranks", id.bytes_between_ranks},
          {"inputs", inputs_json(id)},
          {"outputs", id.outputs}};
}

}  // namespace exodus
