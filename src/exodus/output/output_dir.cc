#include "exodus/output/output_dir.h"
#include "exodus/output/report_page_mark.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <stdio.h>
#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <algorithm>
#include <fstream>
#include <iterator>
#include <random>
#include <set>

#include "exodus/output/atomic_file.h"

namespace exodus {

namespace fs = std::filesystem;

namespace {

void fsync_path(const fs::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

fs::path parent_of(const fs::path& target) {
  const fs::path parent = target.parent_path();
  return parent.empty() ? fs::path(".") : parent;
}

// Inside a staging folder: held locked (flock) by the process writing it.
constexpr const char* kLockFile = ".exodus-lock";

// ".<name>.partial-<pid>-": staging folders of `target` start with this.
std::string staging_prefix(const fs::path& target) { return "." + target.filename().string() + ".partial-"; }

// A manifest is a few kilobytes; anything far larger is not one of exodus's.
constexpr std::size_t kMostManifestBytes = std::size_t{16} << 20;

// Checks that `target` may be written, and whether it will replace an earlier output.
void check_target(const fs::path& target, bool replace_existing) {
  std::error_code ec;
  const auto status = fs::symlink_status(target, ec);
  if (ec || !fs::exists(status)) return;
  if (!replace_existing)
    throw OutputError(fmt::format("output folder {} already exists (an earlier output?); choose another --out or "
                                  "pass --force to replace it", target.string()));
  if (!fs::is_directory(status))
    throw OutputError(fmt::format("{} exists and is not a folder; exodus will not replace it, even with --force",
                                  target.string()));
  if (!fs::is_regular_file(target / "manifest.json", ec))
    throw OutputError(fmt::format("{} is not an exodus output folder (it has no manifest.json); --force only "
                                  "replaces earlier outputs, so choose another --out", target.string()));
  // The manifest must be exodus's and name every file there; anything else is the user's.
  std::set<std::string> listed;
  {
    const auto bytes = fs::file_size(target / "manifest.json", ec);
    std::string text;
    if (!ec && bytes <= kMostManifestBytes) {
      std::ifstream in(target / "manifest.json", std::ios::binary);
      text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    const auto manifest = nlohmann::json::parse(text, nullptr, false);
    if (!manifest.is_object() || !manifest.contains("exodus_version") ||
        !manifest.contains("outputs") || !manifest["outputs"].is_array())
      throw OutputError(fmt::format("{}/manifest.json is not an exodus manifest listing its outputs; --force only "
                                    "replaces an earlier exodus output, so choose another --out or remove the folder "
                                    "yourself",
                                    target.string()));
    for (const auto& name : manifest["outputs"])
      if (name.is_string()) listed.insert(name.get<std::string>());
  }
  std::vector<std::string> others;
  for (fs::directory_iterator it(target, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!it->is_regular_file(ec)) others.push_back(name);
    // A page exodus wrote of this output (--report, exodus report) goes with it: only a file
    // the manifest does not list is opened to see whether it is one.
    else if (!listed.count(name) && !is_exodus_report_page(it->path())) others.push_back(name);
  }
  if (ec) throw OutputError(fmt::format("cannot list {}: {}", target.string(), ec.message()));
  if (!others.empty()) {
    std::sort(others.begin(), others.end());
    const std::size_t shown = std::min<std::size_t>(others.size(), 5);
    std::string names;
    for (std::size_t i = 0; i < shown; ++i) names += (i ? ", " : "") + others[i];
    if (others.size() > shown) names += fmt::format(" and {} more", others.size() - shown);
    throw OutputError(fmt::format("{} holds what exodus did not write there ({}); --force replaces only an earlier "
                                  "output holding nothing else, so move those away or choose another --out",
                                  target.string(), names));
  }
}

// Swaps two paths atomically (Linux renameat2). Returns false where the file system cannot.
bool exchange_paths(const fs::path& a, const fs::path& b) {
#ifdef RENAME_EXCHANGE
  return ::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0;
#else
  (void)a;
  (void)b;
  return false;
#endif
}

}  // namespace

std::vector<fs::path> abandoned_staging_folders(const fs::path& target) {
  std::vector<fs::path> found;
  const std::string prefix = staging_prefix(target);
  std::error_code ec;
  for (fs::directory_iterator it(parent_of(target), ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.starts_with(prefix)) continue;
    // The owner's pid follows the prefix; a live process (or one we may not signal) keeps it.
    const std::string rest = name.substr(prefix.size());
    const auto dash = rest.find('-');
    if (dash == std::string::npos || dash == 0) continue;
    long pid = 0;
    try {
      pid = std::stol(rest.substr(0, dash));
    } catch (const std::exception&) {
      continue;
    }
    if (pid <= 0) continue;
    // The owner holds an flock on the folder's lock file for as long as it lives; the kernel
    // drops it when the owner dies, in any PID namespace or (on a file system with shared
    // locks) on any host. Taking the lock here means the owner is gone.
    const fs::path lock = it->path() / kLockFile;
    const int fd = ::open(lock.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd >= 0) {
      const bool owner_gone = ::flock(fd, LOCK_EX | LOCK_NB) == 0;
      ::close(fd);
      if (owner_gone) found.push_back(it->path());
      continue;
    }
    // No lock file: a moved-aside earlier output (".old"), or a folder in the instant between
    // its creation and its lock's. Only the pid can tell, and only a pid of this namespace.
    if (pid == ::getpid()) continue;
    if (::kill(static_cast<pid_t>(pid), 0) == -1 && errno == ESRCH) found.push_back(it->path());
  }
  return found;
}

void recover_abandoned_staging(const fs::path& target) {
  std::error_code ec;
  for (const auto& stale : abandoned_staging_folders(target)) {
    // An earlier output moved aside just before a kill goes back where it was.
    if (stale.extension() == ".old" && !fs::exists(fs::symlink_status(target, ec))) {
      fs::rename(stale, target, ec);
      if (!ec) continue;
    }
    fs::remove_all(stale, ec);
  }
}

namespace {
// "out/" names the folder "out"; a name the staging folder's (".<name>.partial-<pid>-<8 hex>")
// would take past the file system's 255 bytes can never be written: say so before the work.
fs::path checked_target(fs::path target) {
  if (!target.empty() && !target.has_filename()) target = target.parent_path();
  if (target.empty() || target.filename() == "." || target.filename() == "..")
    throw OutputError(fmt::format("--out '{}' names no folder to create", target.string()));
  const std::size_t staging = staging_prefix(target).size() + 10 + 1 + 8;
  if (staging > 255)
    throw OutputError(fmt::format("output folder name '{}' is too long ({} bytes; at most {})",
                                  target.filename().string(), target.filename().string().size(),
                                  255 - (staging - target.filename().string().size())));
  return target;
}
}  // namespace

namespace {
// The folder that will hold the output (or its nearest existing ancestor, where exodus will
// create the rest) must let this process create entries: found before the work, not after.
void check_writable(const fs::path& target) {
  fs::path dir = fs::absolute(parent_of(target)).lexically_normal();
  std::error_code ec;
  while (!fs::exists(dir, ec) && dir.has_relative_path()) dir = dir.parent_path();
  if (!fs::is_directory(dir, ec))
    throw OutputError(fmt::format("cannot create {}: {} is not a folder", target.string(), dir.string()));
  if (::access(dir.c_str(), W_OK | X_OK) != 0)
    throw OutputError(fmt::format("cannot write in {}: {}", dir.string(), std::strerror(errno)));
}
}  // namespace

StagedOutputDir::StagedOutputDir(fs::path target, bool replace_existing)
    : target_(checked_target(std::move(target))), replace_existing_(replace_existing) {
  recover_abandoned_staging(target_);
  check_target(target_, replace_existing_);
  check_writable(target_);
}

StagedOutputDir::~StagedOutputDir() {
  if (!committed_ && !staging_.empty()) {
    std::error_code ec;
    fs::remove_all(staging_, ec);
  }
  release_lock();
}

void StagedOutputDir::release_lock() {
  if (lock_fd_ >= 0) ::close(lock_fd_);
  lock_fd_ = -1;
}

namespace {
// The target was absent or replaceable when the work began; if it appeared since, another
// process wrote there (two runs with the same default output path): say so, not "choose
// another --out" as if the user had named it.
void check_target_again(const fs::path& target, bool replace_existing) {
  std::error_code ec;
  if (!replace_existing && fs::exists(fs::symlink_status(target, ec)))
    throw OutputError(fmt::format("{} appeared while this run was working (another run writing to the same "
                                  "place?); nothing was written: run again with --out DIR, or with --force to "
                                  "replace it",
                                  target.string()));
  check_target(target, replace_existing);
}
}  // namespace

void StagedOutputDir::start_staging() {
  check_target_again(target_, replace_existing_);
  const fs::path parent = parent_of(target_);
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) throw OutputError(fmt::format("cannot create {}: {}", parent.string(), ec.message()));
  std::random_device rd;
  staging_ = parent / fmt::format("{}{}-{:08x}", staging_prefix(target_), ::getpid(), rd());
  if (!fs::create_directory(staging_, ec) || ec) {
    const auto message = fmt::format("cannot create {}: {}", staging_.string(), ec.message());
    staging_.clear();
    throw OutputError(message);
  }
  lock_fd_ = ::open((staging_ / kLockFile).c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (lock_fd_ < 0 || ::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    const auto message = fmt::format("cannot lock {}: {}", staging_.string(), std::strerror(errno));
    fs::remove_all(staging_, ec);
    staging_.clear();
    throw OutputError(message);
  }
}

std::vector<std::string> StagedOutputDir::written_and(const std::string& last) const {
  std::vector<std::string> names = written_;
  names.push_back(last);
  return names;
}

void StagedOutputDir::write(const std::string& name, const std::string& content) {
  if (staging_.empty()) start_staging();
  written_.push_back(name);
  write_new_file(staging_ / name, content);
}

void StagedOutputDir::commit() {
  if (staging_.empty()) start_staging();
  // The lock file is not an output: it goes before the folder takes the target's name (the
  // lock itself stays held on the open descriptor until the commit is done).
  ::unlink((staging_ / kLockFile).c_str());
  fsync_path(staging_, O_RDONLY | O_DIRECTORY);
  std::error_code ec;
  if (fs::exists(fs::symlink_status(target_, ec))) {
    check_target_again(target_, replace_existing_);
    // The earlier output and the new one trade places, then the earlier one (now under the
    // staging name) is removed; a kill in between leaves a complete folder at the target.
    if (exchange_paths(staging_, target_)) {
      committed_ = true;
      fs::remove_all(staging_, ec);
    } else {
      fs::path displaced = staging_;
      displaced += ".old";
      fs::rename(target_, displaced, ec);
      if (ec) throw OutputError(fmt::format("cannot move {} aside: {}", target_.string(), ec.message()));
      fs::rename(staging_, target_, ec);
      if (ec) {
        std::error_code back;
        fs::rename(displaced, target_, back);
        throw OutputError(fmt::format("cannot rename {} to {}: {}", staging_.string(), target_.string(), ec.message()));
      }
      committed_ = true;
      fs::remove_all(displaced, ec);
    }
  } else {
    fs::rename(staging_, target_, ec);
    if (ec)
      throw OutputError(fmt::format("cannot rename {} to {}: {}", staging_.string(), target_.string(), ec.message()));
    committed_ = true;
  }
  fsync_path(parent_of(target_), O_RDONLY | O_DIRECTORY);
  release_lock();
}

fs::path default_output_path(const std::string& stem) { return fs::path("runs") / stem; }

}  // namespace exodus
