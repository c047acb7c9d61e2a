#pragma once
// A manifest's `inputs`: each input file read, with its size and SHA-256, as every verb writes it.
#include <nlohmann/json.hpp>

#include "exodus/output/run_identity.h"

namespace exodus {

inline nlohmann::json inputs_json(const RunIdentity& id) {
  nlohmann::json inputs = nlohmann::json::array();
  for (const auto& r : id.inputs) inputs.push_back({{"file", r.name}, {"bytes", r.bytes}, {"sha256", r.sha256}});
  return inputs;
}

}  // namespace exodus
