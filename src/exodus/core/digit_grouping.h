#pragma once
// Whole numbers with their thousands grouped, for what people read: tables, summaries and
// error messages ("the limit is 200,000,000").
#include <cstdint>
#include <string>

namespace exodus {

// 1234567 -> "1,234,567"; -999 -> "-999".
std::string grouped(std::int64_t value);

}  // namespace exodus
