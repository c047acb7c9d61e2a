#include "exodus/core/limits.h"

#include <fmt/format.h>

#include "exodus/core/digit_grouping.h"

namespace exodus {

std::string limit_clause(std::int64_t limit, const char* option) {
  return fmt::format("the limit is {} (raise it with {})", grouped(limit), option);
}

}  // namespace exodus
