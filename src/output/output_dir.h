#pragma once
// A run's output folder appears complete or not at all: files are written into a hidden
// staging folder beside it, flushed, and the folder is renamed into place at the end. An
// existing folder is never replaced unless the caller allows it (--force).
#include <filesystem>
#include <string>

namespace exodus {

class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class StagedOutputDir {
 public:
  // Throws OutputError when `target` exists and !replace_existing, or staging cannot be made.
  StagedOutputDir(std::filesystem::path target, bool replace_existing);
  ~StagedOutputDir();  // removes the staging folder unless committed
  StagedOutputDir(const StagedOutputDir&) = delete;
  StagedOutputDir& operator=(const StagedOutputDir&) = delete;

  void write(const std::string& name, const std::string& content);
  // Moves the staged folder to the target. Throws OutputError on failure.
  void commit();
  const std::filesystem::path& target() const { return target_; }

 private:
  std::filesystem::path target_;
  std::filesystem::path staging_;
  bool replace_existing_;
  bool committed_ = false;
};

// "<parent>/<stem>", or "<stem>-2", "-3"... when that exists.
std::filesystem::path unique_output_path(const std::filesystem::path& parent, const std::string& stem);

}  // namespace exodus
