#include "exodus/core/philox_batch.h"

#include <gtest/gtest.h>

namespace exodus {
namespace {

TEST(PhiloxBatch, GivesTheBlocksOfOneCounterAtATime) {
  for (const std::uint64_t seed : {0ull, 1ull, 0x123456789abcdefull, ~0ull}) {
    std::array<std::uint32_t, kPhiloxBatch> a{};
    for (std::size_t i = 0; i < kPhiloxBatch; ++i) a[i] = static_cast<std::uint32_t>(i * 2654435761u + seed);
    for (const std::uint32_t index : {0u, 7u}) {
      PhiloxBatch batch;
      philox_blocks(seed, RandomPurpose::kAgentDay, a, 365, index, batch);
      for (std::size_t i = 0; i < kPhiloxBatch; ++i)
        EXPECT_EQ(batch.block(i), philox_block(seed, RandomPurpose::kAgentDay, a[i], 365, index)) << seed << " " << i;
    }
  }
}

TEST(PhiloxBatch, ARngStartedFromAGivenBlockGoesOnAsOneThatComputedIt) {
  std::array<std::uint32_t, kPhiloxBatch> a{};
  for (std::size_t i = 0; i < kPhiloxBatch; ++i) a[i] = static_cast<std::uint32_t>(1000 + i);
  PhiloxBatch batch;
  philox_blocks(9, RandomPurpose::kAgentDay, a, 3, 0, batch);
  CounterRng given(9, RandomPurpose::kAgentDay, a[5], 3, batch.block(5));
  CounterRng computed(9, RandomPurpose::kAgentDay, a[5], 3);
  for (int k = 0; k < 13; ++k) EXPECT_EQ(given.next_u32(), computed.next_u32()) << k;
}

}  // namespace
}  // namespace exodus
