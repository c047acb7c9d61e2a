#include "exodus/core/set_bits.h"

#include <gtest/gtest.h>

#include <vector>

namespace exodus {
namespace {

// The bits visited, in order, and the order the look-ahead saw them in.
struct Walk {
  std::vector<std::size_t> ahead, visited;
};

template <std::size_t kAhead>
Walk walk(const std::vector<std::uint64_t>& words, std::size_t begin, std::size_t end) {
  Walk w;
  std::size_t lead = 0;  // how far the look-ahead ran before each visit
  for_each_set_bit<kAhead>(
      words, begin, end, [&](std::size_t i) { w.ahead.push_back(i); },
      [&](std::size_t i) {
        w.visited.push_back(i);
        lead = std::max(lead, w.ahead.size() - w.visited.size());
      });
  EXPECT_LE(lead, kAhead);
  return w;
}

TEST(SetBits, VisitsEverySetBitInRangeInOrder) {
  std::vector<std::uint64_t> words(4, 0);
  std::vector<std::size_t> set{0, 1, 63, 64, 100, 127, 130, 200, 255};
  for (auto i : set) words[i / 64] |= std::uint64_t{1} << (i % 64);
  for (std::size_t begin : {0u, 1u, 63u, 64u, 101u}) {
    for (std::size_t end : {130u, 131u, 200u, 256u}) {
      std::vector<std::size_t> want;
      for (auto i : set)
        if (i >= begin && i < end) want.push_back(i);
      const auto w = walk<4>(words, begin, end);
      EXPECT_EQ(w.visited, want) << begin << " " << end;
      EXPECT_EQ(w.ahead, want) << begin << " " << end;
    }
  }
}

TEST(SetBits, LookAheadRunsAheadOfTheVisits) {
  std::vector<std::uint64_t> words(2, ~std::uint64_t{0});
  std::size_t seen_ahead = 0, most_lead = 0;
  for_each_set_bit<8>(
      words, 0, 128, [&](std::size_t) { ++seen_ahead; },
      [&](std::size_t i) { most_lead = std::max(most_lead, seen_ahead - i - 1); });
  EXPECT_EQ(most_lead, 8u);  // the look-ahead was a full 8 bits ahead
}

TEST(SetBits, EmptyRangesVisitNothing) {
  std::vector<std::uint64_t> words(1, ~std::uint64_t{0});
  EXPECT_TRUE(walk<2>(words, 5, 5).visited.empty());
  EXPECT_TRUE(walk<2>(std::vector<std::uint64_t>(3, 0), 0, 192).visited.empty());
}

}  // namespace
}  // namespace exodus
