#include "exodus/core/alias_table.h"

namespace exodus {

void AliasPool::clear() {
  offsets_.clear();
  sizes_.clear();
  probability_.clear();
  alias_.clear();
}

std::uint32_t AliasPool::add(std::span<const double> weights) {
  const auto n = static_cast<std::uint32_t>(weights.size());
  const auto base = static_cast<std::uint32_t>(probability_.size());
  offsets_.push_back(base);
  sizes_.push_back(n);
  probability_.resize(base + n, 1.0);
  alias_.resize(base + n);
  for (std::uint32_t i = 0; i < n; ++i) alias_[base + i] = i;
  if (n == 0) return static_cast<std::uint32_t>(sizes_.size() - 1);

  double total = 0;
  for (double w : weights) total += w;
  scaled_.assign(n, 1.0);
  if (total > 0)
    for (std::uint32_t i = 0; i < n; ++i) scaled_[i] = weights[i] * n / total;

  small_.clear();
  large_.clear();
  for (std::uint32_t i = 0; i < n; ++i) (scaled_[i] < 1.0 ? small_ : large_).push_back(i);
  while (!small_.empty() && !large_.empty()) {
    const auto s = small_.back();
    small_.pop_back();
    const auto l = large_.back();
    probability_[base + s] = scaled_[s];
    alias_[base + s] = l;
    scaled_[l] = (scaled_[l] + scaled_[s]) - 1.0;
    if (scaled_[l] < 1.0) {
      large_.pop_back();
      small_.push_back(l);
    }
  }
  // Leftovers are 1 up to rounding.
  for (auto i : small_) probability_[base + i] = 1.0;
  for (auto i : large_) probability_[base + i] = 1.0;
  return static_cast<std::uint32_t>(sizes_.size() - 1);
}

}  // namespace exodus
