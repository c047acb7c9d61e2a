#pragma once
// A sampler's checkpoint (infer/smc_sampler.h) as text, and back: one line per item, every
// number to the last bit (doubles in C99 hexadecimal), under a fingerprint of what it was a
// calibration of, so that a checkpoint is only ever continued by the same calibration.
#include <string>

#include "exodus/core/text_source.h"
#include "exodus/infer/smc_sampler.h"

namespace exodus {

// The first line of every checkpoint: what the file is, and the format's version.
inline constexpr const char* kSmcCheckpointHeader = "exodus smc checkpoint 2";

std::string smc_checkpoint_text(const SmcCheckpoint& checkpoint, const std::string& fingerprint);

struct ReadCheckpoint {
  std::string fingerprint;
  SmcCheckpoint checkpoint;
};

// Whether the text starts as a checkpoint does (so a file of the user's is never taken for one).
bool looks_like_smc_checkpoint(const std::string& content);

// Throws InputError naming the file, line and item for anything malformed. The sizes are
// bounded by `most_members` and `most_coordinates` before anything is allocated for them.
ReadCheckpoint read_smc_checkpoint(const TextFile& file, std::size_t most_members, std::size_t most_coordinates);

}  // namespace exodus
