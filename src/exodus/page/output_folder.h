#pragma once
// An output folder read back for its page, with the limits its files are read under: the
// files exodus wrote are inputs once read back, bounded like any other (--max-input-mb;
// --max-days for a Flee run's out.csv).
#include <filesystem>
#include <optional>
#include <string>

#include "exodus/core/limits.h"
#include "exodus/core/text_source.h"

namespace exodus {

struct OutputFolder {
  explicit OutputFolder(std::filesystem::path folder, const InputLimits& input_limits = {})
      : path(std::move(folder)), limits(input_limits), files(path, limits.max_file_bytes) {}
  // The file, which must be there (InputError naming it otherwise).
  TextFile require(const std::string& name) const { return files.require(name); }
  // The file, or nothing when the folder has none of that name.
  std::optional<TextFile> read(const std::string& name) const { return files.read(name); }

  std::filesystem::path path;
  InputLimits limits;
  DirectorySource files;
};

}  // namespace exodus
