#include "exodus/core/suggest.h"

#include <algorithm>
#include <cctype>

namespace exodus {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) == std::tolower(static_cast<unsigned char>(b[j - 1]));
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& known) {
  // Long inputs would cost length² each; a typo is short.
  if (word.empty() || word.size() > 200) return "";
  const std::string* best = nullptr;
  std::size_t best_distance = 0;
  for (const auto& k : known) {
    if (k.size() > 200) continue;
    const auto d = edit_distance(word, k);
    if (!best || d < best_distance) {
      best = &k;
      best_distance = d;
    }
  }
  if (!best || best_distance == 0 || best_distance * 3 > std::max<std::size_t>(word.size(), 3)) return "";
  return " (did you mean '" + *best + "'?)";
}

std::string one_of(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

}  // namespace exodus
