#include "exodus/core/text_source.h"

#include <fstream>
#include <sstream>
#include <system_error>

#include <fmt/format.h>

#include "exodus/core/digit_grouping.h"
#include "exodus/core/embedded_files.h"
#include "exodus/core/error.h"

namespace exodus {

namespace fs = std::filesystem;

namespace {
// "1.5" below 10 MiB, "1,024" above.
std::string mebibytes(std::uintmax_t bytes) {
  const double mib = static_cast<double>(bytes) / (1 << 20);
  return mib < 10 ? fmt::format("{:.1f}", mib) : grouped(static_cast<std::int64_t>(mib));
}
}  // namespace

TextFile read_text_file(const fs::path& path, std::int64_t max_bytes) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) throw InputError({path.string(), 0, ""}, "file not found");
  if (fs::is_directory(status))
    throw InputError({path.string(), 0, ""}, "is a directory, expected a file");
  // A device, a FIFO or a socket has no size to check and may never end (/dev/zero, a pipe
  // with no writer): only regular files are read (symbolic links are followed).
  if (!fs::is_regular_file(status))
    throw InputError({path.string(), 0, ""}, "is not a regular file (a device, pipe or socket); give a file");
  const auto too_big = [&](std::uintmax_t size) {
    return InputError({path.string(), 0, ""},
                      fmt::format("is {} MiB; input files are read whole into memory, and the limit is {} MiB "
                                  "(raise it with --max-input-mb)",
                                  mebibytes(size), grouped(max_bytes >> 20)));
  };
  const auto size = fs::file_size(path, ec);
  if (!ec && size > static_cast<std::uintmax_t>(max_bytes)) throw too_big(size);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({path.string(), 0, ""}, "cannot be opened for reading");
  // Read at most the limit, even if the file grows while it is read.
  std::string content;
  char chunk[1 << 16];
  while (in) {
    in.read(chunk, sizeof chunk);
    content.append(chunk, static_cast<std::size_t>(in.gcount()));
    if (content.size() > static_cast<std::size_t>(max_bytes)) throw too_big(content.size());
  }
  if (in.bad()) throw InputError({path.string(), 0, ""}, "read error");
  return {path.string(), std::move(content)};
}

TextFile FileSource::require(const std::string& relative) const {
  auto file = read(relative);
  if (!file) throw InputError({display_name(relative), 0, ""}, "file not found");
  return std::move(*file);
}

DirectorySource::DirectorySource(fs::path root, std::int64_t max_file_bytes)
    : root_(std::move(root)), max_file_bytes_(max_file_bytes) {}

std::optional<TextFile> DirectorySource::read(const std::string& relative) const {
  const fs::path path = root_ / relative;
  std::error_code ec;
  if (!fs::exists(path, ec)) return std::nullopt;
  return read_text_file(path, max_file_bytes_);
}

std::string DirectorySource::display_name(const std::string& relative) const {
  return (root_ / relative).string();
}

EmbeddedSource::EmbeddedSource(std::string case_name, std::string subfolder)
    : case_name_(std::move(case_name)), subfolder_(std::move(subfolder)) {}

std::optional<TextFile> EmbeddedSource::read(const std::string& relative) const {
  const std::string wanted = subfolder_.empty() ? relative : subfolder_ + "/" + relative;
  for (const auto& file : embedded_case_files(case_name_)) {
    if (wanted == file.path) return TextFile{display_name(relative), {file.data, file.size}};
  }
  return std::nullopt;
}

std::string EmbeddedSource::display_name(const std::string& relative) const {
  return "embedded:" + case_name_ + "/" + (subfolder_.empty() ? "" : subfolder_ + "/") + relative;
}

std::optional<TextFile> MemorySource::read(const std::string& relative) const {
  const auto it = files_.find(relative);
  if (it == files_.end()) return std::nullopt;
  return TextFile{display_name(relative), it->second};
}

}  // namespace exodus
