#pragma once
// Parsing one field of user input, with the field's position in every error.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "exodus/core/error.h"

namespace exodus {

// Without leading and trailing spaces and tabs.
std::string_view trim(std::string_view text);
std::string to_lower(std::string_view text);
// The names of a list joined by ';' ("EU;Schengen"), each trimmed; empty names are dropped.
std::vector<std::string> split_list(std::string_view text);

// A finite decimal number. Throws InputError naming pos for empty text, junk, NaN or infinity.
double parse_double(std::string_view text, const SourcePos& pos);
// An integer in [min, max]. Throws InputError naming pos otherwise.
std::int64_t parse_int(std::string_view text, const SourcePos& pos,
                       std::int64_t min = INT64_MIN, std::int64_t max = INT64_MAX);
// As above, but empty text (after trimming) gives nullopt.
std::optional<double> parse_optional_double(std::string_view text, const SourcePos& pos);
std::optional<std::int64_t> parse_optional_int(std::string_view text, const SourcePos& pos,
                                               std::int64_t min = INT64_MIN,
                                               std::int64_t max = INT64_MAX);

}  // namespace exodus
