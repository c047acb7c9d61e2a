#pragma once
// JSON as exodus writes it: two-space indents, and every fractional number at 12 significant
// digits, so that float arithmetic's last-bit noise (124607.00000000001) never reaches a
// reader, while counts up to 10^12 stay exact.
#include <string>

#include <nlohmann/json.hpp>

namespace exodus {

std::string json_text(const nlohmann::json& value);

}  // namespace exodus
