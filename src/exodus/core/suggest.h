#pragma once
// "Did you mean ...?" for names a user mistyped: the nearest known name by edit distance.
#include <string>
#include <string_view>
#include <vector>

namespace exodus {

// Levenshtein distance: the fewest insertions, deletions and substitutions of one character
// that turn a into b (V. I. Levenshtein, "Binary codes capable of correcting deletions,
// insertions and reversals", Soviet Physics Doklady 10(8), 1966), computed by the usual
// dynamic programme over one row.
std::size_t edit_distance(std::string_view a, std::string_view b);

// " (did you mean 'x'?)" when one known name is near enough to be a typo of `word` (at most
// a third of its letters changed, case ignored), else "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& known);

// "a, b or c".
std::string one_of(const std::vector<std::string>& names);

}  // namespace exodus
