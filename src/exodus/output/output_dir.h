#pragma once
// A run's output folder appears complete or not at all. The constructor only checks that the
// folder may be created (so a name clash fails before a long run); files are written into a
// hidden staging folder beside it, which exists only while outputs are being written, flushed,
// and the folder is renamed into place at the end. A staging folder left by a killed process
// (SIGKILL, power loss) is removed by the next run writing to the same place: its owner held
// an flock on a file inside it, which the kernel released when the owner died.
//
// An existing folder is never replaced unless the caller allows it (--force), and even then
// only when it is an earlier exodus output holding nothing else: its manifest.json is
// exodus's and lists every file in the folder. A user's own folder, or a file a user saved in
// an earlier output, is never deleted. The replacement is an atomic swap, so the target is never missing.
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace exodus {

class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class StagedOutputDir {
 public:
  // Throws OutputError when `target` exists and may not be replaced.
  StagedOutputDir(std::filesystem::path target, bool replace_existing);
  ~StagedOutputDir();  // removes the staging folder unless committed
  StagedOutputDir(const StagedOutputDir&) = delete;
  StagedOutputDir& operator=(const StagedOutputDir&) = delete;

  // Creates the staging folder on the first call. Throws OutputError on failure.
  void write(const std::string& name, const std::string& content);
  // Moves the staged folder to the target. Throws OutputError on failure.
  void commit();
  const std::filesystem::path& target() const { return target_; }
  // The files written so far and `last` (the manifest, which lists them all).
  std::vector<std::string> written_and(const std::string& last) const;

 private:
  void start_staging();
  void release_lock();

  std::filesystem::path target_;
  std::filesystem::path staging_;  // empty until the first write
  bool replace_existing_;
  bool committed_ = false;
  std::vector<std::string> written_;
  int lock_fd_ = -1;  // flock held on the staging folder's lock file while it is written
};

// Where a verb writes when no --out is given: runs/<stem>, the stem naming the case and seed,
// so that the same command always writes to the same place. Like any --out, it is refused when
// it exists, unless --force replaces an earlier output there.
std::filesystem::path default_output_path(const std::string& stem);

// Staging folders for `target` whose process is gone (killed while writing).
std::vector<std::filesystem::path> abandoned_staging_folders(const std::filesystem::path& target);
// Removes them; an earlier output that was moved aside (".old") goes back to `target` when
// `target` is missing. The StagedOutputDir constructor calls it.
void recover_abandoned_staging(const std::filesystem::path& target);

}  // namespace exodus
