#include "exodus/world/as_of.h"

#include <fmt/format.h>

#include "exodus/core/parse.h"

namespace exodus {

AsOf AsOf::parse(const std::string& text, const SourcePos& where) {
  // A date has a dash after its year; "-1" is a day number below the first.
  if (text.find('-', 1) != std::string::npos) return AsOf(parse_date(text, where));
  const auto day = parse_int(text, where);
  // A day of a case: at most as many as a case may have (--max-days' own ceiling).
  if (day < 0 || day > 1000000)
    throw InputError(where, fmt::format("{} is neither a date (YYYY-MM-DD) nor a day number of a case", text));
  return AsOf::day(static_cast<std::int32_t>(day));
}

}  // namespace exodus
