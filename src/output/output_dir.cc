#include "output/output_dir.h"

#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <random>

namespace exodus {

namespace fs = std::filesystem;

namespace {
void fsync_path(const fs::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}
}  // namespace

StagedOutputDir::StagedOutputDir(fs::path target, bool replace_existing)
    : target_(std::move(target)), replace_existing_(replace_existing) {
  std::error_code ec;
  if (fs::exists(target_, ec) && !replace_existing_)
    throw OutputError(fmt::format("output folder {} already exists; choose another --out or "
                                  "pass --force to replace it", target_.string()));
  fs::path parent = target_.parent_path();
  if (parent.empty()) parent = ".";
  fs::create_directories(parent, ec);
  if (ec) throw OutputError(fmt::format("cannot create {}: {}", parent.string(), ec.message()));
  std::random_device rd;
  staging_ = parent / fmt::format(".{}.partial-{}-{:08x}", target_.filename().string(), ::getpid(), rd());
  if (!fs::create_directory(staging_, ec) || ec)
    throw OutputError(fmt::format("cannot create {}: {}", staging_.string(), ec.message()));
}

StagedOutputDir::~StagedOutputDir() {
  if (committed_) return;
  std::error_code ec;
  fs::remove_all(staging_, ec);
}

void StagedOutputDir::write(const std::string& name, const std::string& content) {
  const fs::path path = staging_ / name;
  {
    std::ofstream out(path, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) throw OutputError(fmt::format("cannot write {}", path.string()));
  }
  fsync_path(path, O_RDONLY);
}

void StagedOutputDir::commit() {
  fsync_path(staging_, O_RDONLY | O_DIRECTORY);
  std::error_code ec;
  fs::path displaced;
  if (fs::exists(target_, ec)) {
    if (!replace_existing_)
      throw OutputError(fmt::format("output folder {} appeared during the run; results left in {}",
                                    target_.string(), staging_.string()));
    displaced = staging_;
    displaced += ".old";
    fs::rename(target_, displaced, ec);
    if (ec) throw OutputError(fmt::format("cannot move {} aside: {}", target_.string(), ec.message()));
  }
  fs::rename(staging_, target_, ec);
  if (ec) throw OutputError(fmt::format("cannot rename {} to {}: {}", staging_.string(),
                                        target_.string(), ec.message()));
  committed_ = true;
  if (!displaced.empty()) fs::remove_all(displaced, ec);
  fs::path parent = target_.parent_path();
  fsync_path(parent.empty() ? fs::path(".") : parent, O_RDONLY | O_DIRECTORY);
}

fs::path unique_output_path(const fs::path& parent, const std::string& stem) {
  fs::path candidate = parent / stem;
  for (int k = 2; fs::exists(candidate); ++k) candidate = parent / fmt::format("{}-{}", stem, k);
  return candidate;
}

}  // namespace exodus
