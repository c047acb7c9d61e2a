#pragma once
// Walks the set bits of a bitmap in increasing order with a look-ahead. A walk over a sparse
// bitmap of agents touches each agent's arrays at scattered places, and paid one memory latency
// per array and agent (most of the time of a large, mostly idle Flee case); calling
// `ahead(i)` kAhead set bits before `visit(i)` lets the caller prefetch what the visit reads,
// so that many of those loads are in flight at once.
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>

namespace exodus {

// Calls ahead(i) and later visit(i) for every set bit i in [begin, end), visits in increasing
// order of i. kAhead: how many bits ahead of the visits the look-ahead runs (a power of two).
template <std::size_t kAhead, class Ahead, class Visit>
void for_each_set_bit(std::span<const std::uint64_t> words, std::size_t begin, std::size_t end, Ahead&& ahead,
                      Visit&& visit) {
  static_assert(std::has_single_bit(kAhead));
  std::array<std::size_t, kAhead> queue{};
  std::size_t head = 0, queued = 0;
  for (std::size_t w = begin / 64; w * 64 < end; ++w) {
    std::uint64_t bits = words[w];
    const std::size_t first = w * 64;
    if (first < begin) bits &= ~std::uint64_t{0} << (begin - first);
    if (end - first < 64) bits &= (std::uint64_t{1} << (end - first)) - 1;
    for (; bits; bits &= bits - 1) {
      const std::size_t i = first + static_cast<std::size_t>(std::countr_zero(bits));
      ahead(i);
      if (queued < kAhead) {
        queue[(head + queued++) % kAhead] = i;
      } else {
        visit(queue[head]);
        queue[head] = i;
        head = (head + 1) % kAhead;
      }
    }
  }
  for (std::size_t k = 0; k < queued; ++k) visit(queue[(head + k) % kAhead]);
}

}  // namespace exodus
