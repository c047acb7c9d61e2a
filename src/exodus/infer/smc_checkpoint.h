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

// What the calibration continuing a checkpoint is: its members, coordinates and budget (0: none).
struct CheckpointShape {
  std::size_t members = 0, coordinates = 0, budget = 0;
};

// A checkpoint is an input: a user may have edited it, and the sampler would trust what the
// members' simulations cannot confirm (temperature, scale, evidence, counts, stage record).
// Throws InputError naming the file, line and item for anything malformed, out of its range or
// inconsistent: a temperature outside [0, 1] or unlike the last stage's, a scale that is not
// positive, a number that is NaN, simulations beyond the budget, members or coordinates other
// than the shape's (checked before anything is allocated for them). CRLF line ends are read as LF.
ReadCheckpoint read_smc_checkpoint(const TextFile& file, const CheckpointShape& shape);

}  // namespace exodus
