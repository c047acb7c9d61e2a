#pragma once
// An exclusive claim on a path for as long as a process works on it: the file `path` holds an
// flock while the claim lives and is removed when it ends. The kernel releases the flock of a
// process that dies, so a claim left by a killed process is taken over, never waited on.
#include <filesystem>
#include <optional>

namespace exodus {

class FileLock {
 public:
  // The claim, or nullopt when another living process holds it. Throws OutputError when the
  // lock file cannot be created.
  static std::optional<FileLock> try_take(const std::filesystem::path& path);
  ~FileLock();
  FileLock(FileLock&& other) noexcept;
  FileLock& operator=(FileLock&& other) noexcept;
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  FileLock(std::filesystem::path path, int fd) : path_(std::move(path)), fd_(fd) {}
  void release();
  std::filesystem::path path_;
  int fd_ = -1;
};

}  // namespace exodus
