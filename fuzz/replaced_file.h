#pragma once
// The embedded file a fuzz input replaces: the input's first byte picks it, counting the files
// in path order, which is the order fuzz/make-corpora gives each seed its selector byte in.
#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "exodus/core/embedded_files.h"

namespace exodus::fuzz {

inline std::string replaced_path(std::span<const EmbeddedFile> files, std::uint8_t selector) {
  std::vector<std::string> paths;
  for (const auto& f : files) paths.emplace_back(f.path);
  std::sort(paths.begin(), paths.end());
  return paths[selector % paths.size()];
}

}  // namespace exodus::fuzz
