#include "exodus/core/path_name.h"

#include <algorithm>
#include <cctype>

namespace exodus {

std::optional<std::string> path_name_problem(const std::string& name) {
  if (name.empty()) return "is empty";
  if (name == "." || name == "..") return "cannot be '" + name + "'";
  if (name.size() > 100) return "is longer than 100 characters";
  const auto bad = std::find_if(name.begin(), name.end(), [](unsigned char c) {
    return !(std::isalnum(c) || c == '-' || c == '_' || c == '.');
  });
  if (bad != name.end())
    return "names the output folder, so it may hold only letters, digits, '-', '_' and '.' (not '" +
           std::string(1, *bad) + "')";
  return std::nullopt;
}

}  // namespace exodus
