#include "exodus/app/calibration_checkpoint.h"

#include <fmt/format.h>

#include "exodus/core/error.h"
#include "exodus/core/sha256.h"
#include "exodus/core/text_source.h"
#include "exodus/infer/smc_checkpoint.h"
#include "exodus/output/atomic_file.h"

namespace exodus {

namespace fs = std::filesystem;

namespace {
// A checkpoint is a line per member: far under this for any population the command accepts.
constexpr std::int64_t kMostCheckpointBytes = std::int64_t{1} << 30;
}  // namespace

fs::path calibration_checkpoint_path(const fs::path& output_dir) {
  fs::path dir = output_dir;
  if (!dir.empty() && !dir.has_filename()) dir = dir.parent_path();
  dir += ".checkpoint";
  return dir;
}

std::string calibration_fingerprint(const std::vector<InputRecord>& inputs, const std::vector<std::string>& settings) {
  std::string text = fmt::format("exodus {}\n", EXODUS_VERSION);
  for (const auto& i : inputs) text += fmt::format("input {} {}\n", i.bytes, i.sha256);
  for (const auto& s : settings) text += s + "\n";
  return sha256_hex(text);
}

std::optional<SmcCheckpoint> checkpoint_to_continue(const fs::path& path, const CheckpointChoice& choice) {
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(path, ec))) return std::nullopt;
  if (!fs::is_regular_file(fs::symlink_status(path, ec)))
    throw OutputError(fmt::format("{} exists and is not a file; exodus keeps a calibration's checkpoint there: "
                                  "choose another --out", path.string()));
  const TextFile file = read_text_file(path, kMostCheckpointBytes);
  if (!looks_like_smc_checkpoint(file.content))
    throw OutputError(fmt::format("{} exists and is not an exodus checkpoint; exodus will not replace it: choose "
                                  "another --out", path.string()));
  if (!choice.resume) {
    if (choice.force) return std::nullopt;
    throw OutputError(fmt::format("{} holds a stopped calibration: continue it with --resume, or pass --force to "
                                  "start afresh", path.string()));
  }
  ReadCheckpoint read = read_smc_checkpoint(file, {choice.members, choice.coordinates, choice.budget});
  if (read.fingerprint != choice.fingerprint)
    throw InputError({file.name, 2, "fingerprint"},
                     "is the checkpoint of a calibration with other inputs or settings (scenario, reports, --as-of, "
                     "--keep-future-events, --members, --budget, --seed or the agent limit): continue it with the "
                     "command that wrote it, or pass --force without --resume to start afresh");
  return std::move(read.checkpoint);
}

void save_checkpoint(const fs::path& path, const SmcCheckpoint& checkpoint, const std::string& fingerprint) {
  replace_file_atomically(path, smc_checkpoint_text(checkpoint, fingerprint));
}

void remove_checkpoint(const fs::path& path) {
  std::error_code ec;
  fs::remove(path, ec);
  fs::path writing = path;
  writing += ".writing";
  fs::remove(writing, ec);
}

void keep_stages(SmcOptions& so, KeptStages& kept, const std::filesystem::path& path, const CheckpointChoice& choice,
                 const std::function<void(const std::string&)>& warn) {
  fs::path lock_path = path;
  lock_path += ".lock";
  kept.lock = FileLock::try_take(lock_path);
  if (!kept.lock)
    throw OutputError(fmt::format("another exodus calibration is working on {} (it holds {}): wait for it to end, or "
                                  "choose another --out",
                                  path.string(), lock_path.string()));
  kept.resumed = checkpoint_to_continue(path, choice);
  std::optional<SmcCheckpoint>& held = kept.resumed;
  if (choice.resume && !held && warn)
    warn(fmt::format("no checkpoint at {}: the calibration starts from the beginning", path.string()));
  if (held && warn)
    warn(fmt::format("continuing from {}: stage {} completed, temperature {:.4f}, {} simulations", path.string(), held->stage,
                     held->temperature, held->simulations));
  so.resume = held ? &*held : nullptr;
  so.checkpoint = [path, fingerprint = choice.fingerprint](const SmcCheckpoint& k) { save_checkpoint(path, k, fingerprint); };
}

}  // namespace exodus
