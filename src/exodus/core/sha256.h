#pragma once
#include <string>
#include <string_view>

namespace exodus {
// Lower-case hex SHA-256 of `bytes` (OpenSSL), for recording which inputs produced a run.
std::string sha256_hex(std::string_view bytes);
}  // namespace exodus
