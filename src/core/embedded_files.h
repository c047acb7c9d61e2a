#pragma once
// Input files compiled into the binary (see cmake/embed.cmake): the default case runs with
// nothing on disk.
#include <cstddef>
#include <span>
#include <string_view>

namespace exodus {

struct EmbeddedFile {
  const char* path;  // relative to the case folder, e.g. "input/locations.csv"
  const char* data;
  std::size_t size;
};

// The files of an embedded case, or an empty span when no case has that name.
std::span<const EmbeddedFile> embedded_case_files(std::string_view name);
std::string_view embedded_default_case_name();

}  // namespace exodus
