#pragma once
// Where a calibration keeps its checkpoint, and when one may be continued: the file
// `<output folder>.checkpoint` beside the output folder (visible, so a user sees that a stopped
// calibration can go on), written atomically at the end of every stage and removed once the
// output folder is complete. A checkpoint is continued (--resume) only by a calibration with
// the same fingerprint: the same inputs' bytes, reports, as-of date, members, budget, seed and
// agent limit; the thread count, --predict and the output folder are free to change.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "exodus/core/recording_source.h"
#include "exodus/infer/smc_sampler.h"
#include "exodus/output/file_lock.h"

namespace exodus {

std::filesystem::path calibration_checkpoint_path(const std::filesystem::path& output_dir);

// A digest of everything that decides the calibration's numbers; each part is a line.
std::string calibration_fingerprint(const std::vector<InputRecord>& inputs, const std::vector<std::string>& settings);

struct CheckpointChoice {
  bool resume = false;  // --resume: continue the checkpoint when there is one
  bool force = false;   // --force: a checkpoint not resumed is replaced
  std::string fingerprint;
  std::size_t members = 0, coordinates = 0, budget = 0;
};

// The checkpoint to continue, or none (start from the prior). Throws OutputError when the path
// holds a file that is not an exodus checkpoint (never replaced), or a checkpoint neither
// resumed nor forced; InputError for a checkpoint that is malformed or of another calibration.
std::optional<SmcCheckpoint> checkpoint_to_continue(const std::filesystem::path& path, const CheckpointChoice& choice);

// Replaces the checkpoint with this one (atomically). Throws OutputError.
void save_checkpoint(const std::filesystem::path& path, const SmcCheckpoint& checkpoint, const std::string& fingerprint);

// A calibration's hold on its checkpoint: the checkpoint it continues, if any, and the lock
// (`<checkpoint>.lock`) that keeps a second calibration from continuing or replacing it at the
// same time; both last as long as this does.
struct KeptStages {
  std::optional<SmcCheckpoint> resumed;
  std::optional<FileLock> lock;
};

// What every calibration does with its checkpoint: locks it (OutputError when another
// calibration holds it), `kept` gets the checkpoint to continue (or none, and `warn` hears why
// when --resume found none), so.resume points to it, and so.checkpoint saves each completed
// stage at `path` with the choice's fingerprint.
void keep_stages(SmcOptions& so, KeptStages& kept, const std::filesystem::path& path, const CheckpointChoice& choice,
                 const std::function<void(const std::string&)>& warn);

// Once the output is complete: the checkpoint (and a half-written one beside it) go.
void remove_checkpoint(const std::filesystem::path& path);

}  // namespace exodus
