#pragma once
// Counter-based random numbers (Random123's Philox4x32-10). A draw is a pure function of
// (seed, purpose, a, b, index), so results do not depend on thread count or scheduling:
// agent i on day t always sees the same numbers.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include <Random123/philox.h>

namespace exodus {

// Separates the streams of different uses of randomness under one seed.
enum class RandomPurpose : std::uint32_t {
  kAgentDay = 1,  // a = agent, b = day
  kSpawn = 2,     // a = day, b = spawn index block
  kInference = 3,  // statistical procedures: Laplace draws, posterior predictive, SBC replicates
  kAgentWake = 4,  // a = agent, b = day: the day a Flee agent that stays put next acts
  kSynthetic = 5,  // made-up inputs: synthetic worlds for benchmarks, test data
};

// One Philox block (four 32-bit words) for (seed, purpose, a, b, index).
inline std::array<std::uint32_t, 4> philox_block(std::uint64_t seed, RandomPurpose purpose, std::uint32_t a,
                                                 std::uint32_t b, std::uint32_t index = 0) {
  using Philox = r123::Philox4x32;
  const Philox::key_type key{{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}};
  const Philox::ctr_type counter{{a, b, static_cast<std::uint32_t>(purpose), index}};
  const auto out = Philox()(counter, key);
  return {out.v[0], out.v[1], out.v[2], out.v[3]};
}

class CounterRng {
 public:
  CounterRng(std::uint64_t seed, RandomPurpose purpose, std::uint32_t a, std::uint32_t b)
      : key_{{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}},
        counter_{{a, b, static_cast<std::uint32_t>(purpose), 0}} {}
  // The same stream, its first block already computed (philox_blocks computes many at once).
  CounterRng(std::uint64_t seed, RandomPurpose purpose, std::uint32_t a, std::uint32_t b,
             const std::array<std::uint32_t, 4>& first_block)
      : key_{{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}},
        counter_{{a, b, static_cast<std::uint32_t>(purpose), 1}},
        block_(first_block),
        used_(0) {}

  std::uint32_t next_u32() {
    if (used_ == 4) refill();
    return block_[used_++];
  }
  // Uniform in [0, 1) with 2^-32 resolution: enough for probabilities and weights.
  double next_unit() { return next_u32() * 0x1p-32; }
  // Uniform integer in [0, n).
  std::uint32_t next_below(std::uint32_t n) {
    return static_cast<std::uint32_t>((static_cast<std::uint64_t>(next_u32()) * n) >> 32);
  }

 private:
  void refill() {
    const auto out = generator_(counter_, key_);
    for (int k = 0; k < 4; ++k) block_[k] = out.v[k];
    ++counter_.v[3];
    used_ = 0;
  }

  using Philox = r123::Philox4x32;
  Philox generator_;
  Philox::key_type key_;
  Philox::ctr_type counter_;
  std::array<std::uint32_t, 4> block_{};
  int used_ = 4;
};

// A standard normal draw (Box-Muller on two uniforms).
inline double standard_normal(CounterRng& rng) {
  const double u1 = std::max(rng.next_unit(), 0x1p-33);
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * rng.next_unit());
}

// A Student-t draw with integer degrees of freedom nu (normal over the root of chi-square/nu).
inline double student_t(CounterRng& rng, int nu) {
  double chi = 0;
  for (int i = 0; i < nu; ++i) {
    const double z = standard_normal(rng);
    chi += z * z;
  }
  return standard_normal(rng) / std::sqrt(chi / nu);
}

// Adapts a CounterRng to the standard URBG interface, for std:: distributions (binomial,
// Poisson) that have no counter-based equivalent.
struct CounterUrbg {
  using result_type = std::uint32_t;
  CounterRng& rng;
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return UINT32_MAX; }
  result_type operator()() { return rng.next_u32(); }
};

}  // namespace exodus
