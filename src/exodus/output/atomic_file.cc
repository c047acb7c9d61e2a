#include "exodus/output/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace exodus {

namespace fs = std::filesystem;

void write_new_file(const fs::path& path, const std::string& content) {
  // POSIX calls rather than a stream, so that a failure says why (disk full, quota, I/O).
  int fd = -1;
  const auto fail = [&](const char* what) {
    const int error = errno;
    if (fd >= 0) ::close(fd);
    throw OutputError(fmt::format("cannot {} {}: {}", what, path.string(), std::strerror(error)));
  };
  fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) fail("create");
  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, data, left);
    if (n < 0 && errno == EINTR) continue;
    if (n == 0) errno = EIO;
    if (n <= 0) fail("write");
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  // A full disk may show only now, when the data leaves the page cache.
  if (::fsync(fd) != 0) fail("write");
  const int closing = fd;
  fd = -1;  // closed below, whatever close says
  if (::close(closing) != 0) fail("write");
}

void replace_file_atomically(const fs::path& path, const std::string& content) {
  fs::path writing = path;
  writing += ".writing";
  std::error_code ec;
  fs::remove(writing, ec);  // left by a process killed while writing
  const fs::path parent = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  fs::create_directories(parent, ec);
  write_new_file(writing, content);
  if (::rename(writing.c_str(), path.c_str()) != 0) {
    const int error = errno;
    fs::remove(writing, ec);
    throw OutputError(fmt::format("cannot rename {} to {}: {}", writing.string(), path.string(), std::strerror(error)));
  }
  const int dir = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

}  // namespace exodus
