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
// The Flee case `exodus run --flee` falls back to, and the scenario `exodus run` runs.
inline std::string_view embedded_default_case_name() { return "mali"; }
inline std::string_view embedded_default_scenario_name() { return "mobilization-2022"; }

}  // namespace exodus
