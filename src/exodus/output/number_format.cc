#include "exodus/output/number_format.h"

#include <fmt/format.h>

namespace exodus {

std::string python_float(double x) {
  std::string s = fmt::format("{}", x);
  if (s.find_first_of(".eni") == std::string::npos) s += ".0";
  return s;
}

}  // namespace exodus
