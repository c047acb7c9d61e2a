#include "exodus/output/file_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

#include "exodus/output/output_dir.h"

namespace exodus {

std::optional<FileLock> FileLock::try_take(const std::filesystem::path& path) {
  // A holder removes the file as it lets go; one that opened the file just before then holds
  // a lock on a removed file, so the lock counts only when the path still names the locked file.
  for (int attempt = 0; attempt < 100; ++attempt) {
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) throw OutputError(fmt::format("cannot create {}: {}", path.string(), std::strerror(errno)));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      ::close(fd);
      return std::nullopt;
    }
    struct stat held {}, named {};
    if (::fstat(fd, &held) == 0 && ::stat(path.c_str(), &named) == 0 && held.st_ino == named.st_ino &&
        held.st_dev == named.st_dev)
      return FileLock(path, fd);
    ::close(fd);
  }
  throw OutputError(fmt::format("cannot lock {}: it keeps being replaced", path.string()));
}

FileLock::FileLock(FileLock&& other) noexcept : path_(std::move(other.path_)), fd_(other.fd_) { other.fd_ = -1; }

FileLock& FileLock::operator=(FileLock&& other) noexcept {
  if (this != &other) {
    release();
    path_ = std::move(other.path_);
    fd_ = other.fd_;
    other.fd_ = -1;
  }
  return *this;
}

FileLock::~FileLock() { release(); }

void FileLock::release() {
  if (fd_ < 0) return;
  ::unlink(path_.c_str());  // while still held: a process waiting on it sees it gone and retries
  ::close(fd_);
  fd_ = -1;
}

}  // namespace exodus
