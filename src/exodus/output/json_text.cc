#include "exodus/output/json_text.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

namespace exodus {

namespace {
void tidy(nlohmann::json& v) {
  if (v.is_number_float()) {
    const double x = v.get<double>();
    if (std::isfinite(x)) v = std::strtod(fmt::format("{:.12g}", x).c_str(), nullptr);
  } else if (v.is_structured()) {
    for (auto& item : v) tidy(item);
  }
}
}  // namespace

std::string json_text(const nlohmann::json& value) {
  nlohmann::json copy = value;
  tidy(copy);
  return copy.dump(2) + "\n";
}

}  // namespace exodus
