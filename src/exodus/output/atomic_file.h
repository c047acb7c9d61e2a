#pragma once
// One file that is either its old self or wholly new: written under a temporary name beside
// it, flushed to disk, then renamed over it. For state a later run reads back (a calibration's
// checkpoint), which a kill at any moment must not leave half-written.
#include <filesystem>
#include <string>

#include "exodus/output/output_dir.h"

namespace exodus {

// Creates `path` (it must not exist), writes `content` and flushes it to disk. Throws
// OutputError saying why (disk full, quota, permission).
void write_new_file(const std::filesystem::path& path, const std::string& content);

// Replaces `path` (or creates it) atomically through `path` + ".writing". Throws OutputError.
void replace_file_atomically(const std::filesystem::path& path, const std::string& content);

}  // namespace exodus
