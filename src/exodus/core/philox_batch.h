#pragma once
// Philox4x32-10 blocks for a batch of counters at once, the same numbers as philox_block gives
// one at a time. Random123 computes one counter per call, which leaves the vector units idle;
// written over arrays of counters, the ten rounds vectorise (the 32×32→64-bit products map to
// vpmuludq), and the AVX-512 or AVX2 version is chosen at run time where the CPU has it.
// The algorithm: J. K. Salmon, M. A. Moraes, R. O. Dror and D. E. Shaw, "Parallel random
// numbers: as easy as 1, 2, 3", SC'11 (2011), section 3.2 (Philox).
#include <array>
#include <cstddef>
#include <cstdint>

#include "exodus/core/random.h"

namespace exodus {

inline constexpr std::size_t kPhiloxBatch = 16;

// word[k][i]: word k of the block for counter i.
struct PhiloxBatch {
  std::array<std::array<std::uint32_t, kPhiloxBatch>, 4> word;
  std::array<std::uint32_t, 4> block(std::size_t i) const { return {word[0][i], word[1][i], word[2][i], word[3][i]}; }
};

// The blocks philox_block(seed, purpose, a[i], b, index) for i < kPhiloxBatch.
void philox_blocks(std::uint64_t seed, RandomPurpose purpose, const std::array<std::uint32_t, kPhiloxBatch>& a,
                   std::uint32_t b, std::uint32_t index, PhiloxBatch& out);

}  // namespace exodus
