#include "exodus/core/philox_batch.h"

namespace exodus {

namespace {

// The round multipliers and the key's Weyl increments of Philox4x32 (the paper's table 2).
constexpr std::uint32_t kM0 = 0xD2511F53u, kM1 = 0xCD9E8D57u;
constexpr std::uint32_t kW0 = 0x9E3779B9u, kW1 = 0xBB67AE85u;

}  // namespace

__attribute__((target_clones("avx512f", "avx2", "default")))
void philox_blocks(std::uint64_t seed, RandomPurpose purpose, const std::array<std::uint32_t, kPhiloxBatch>& a,
                   std::uint32_t b, std::uint32_t index, PhiloxBatch& out) {
  auto& c0 = out.word[0];
  auto& c1 = out.word[1];
  auto& c2 = out.word[2];
  auto& c3 = out.word[3];
  for (std::size_t i = 0; i < kPhiloxBatch; ++i) {
    c0[i] = a[i];
    c1[i] = b;
    c2[i] = static_cast<std::uint32_t>(purpose);
    c3[i] = index;
  }
  std::uint32_t k0 = static_cast<std::uint32_t>(seed), k1 = static_cast<std::uint32_t>(seed >> 32);
  for (int round = 0; round < 10; ++round) {
    for (std::size_t i = 0; i < kPhiloxBatch; ++i) {
      const std::uint64_t p0 = static_cast<std::uint64_t>(kM0) * c0[i];
      const std::uint64_t p1 = static_cast<std::uint64_t>(kM1) * c2[i];
      const auto hi0 = static_cast<std::uint32_t>(p0 >> 32), lo0 = static_cast<std::uint32_t>(p0);
      const auto hi1 = static_cast<std::uint32_t>(p1 >> 32), lo1 = static_cast<std::uint32_t>(p1);
      c0[i] = hi1 ^ c1[i] ^ k0;
      c1[i] = lo1;
      c2[i] = hi0 ^ c3[i] ^ k1;
      c3[i] = lo0;
    }
    k0 += kW0;
    k1 += kW1;
  }
}

}  // namespace exodus
