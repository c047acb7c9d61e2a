#pragma once
// Names that become part of a path (a scenario's name names its default output folder,
// runs/<name>-seed<N>): letters, digits, '-', '_' and '.', not "." or "..", at most 100
// characters. Anything else could write outside runs/ or make a name no file system takes.
#include <optional>
#include <string>

namespace exodus {

// Why `name` cannot name a folder; nothing when it can.
std::optional<std::string> path_name_problem(const std::string& name);

}  // namespace exodus
