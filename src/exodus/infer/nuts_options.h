#pragma once
// How Stan's NUTS runs (infer/nuts.h): what an estimate's options name, apart from the sampler.
#include <atomic>
#include <cstdint>
#include <functional>

namespace exodus {

struct NutsOptions {
  int chains = 4;
  int warmup = 400;
  int samples = 250;  // per chain
  int max_depth = 8;
  double target_accept = 0.8;
  double start_jitter = 0.5;  // each chain starts uniformly within ± this of its initial point
  int threads = 1;            // chains run this many at a time (the draws do not depend on it)
  std::uint64_t seed = 1;
  // When set and true, the chains stop at their next transition and run_nuts throws Interrupted.
  const std::atomic<bool>* stop = nullptr;
  // When set: (transitions done, transitions in all) over every chain, now and then. Called
  // from one thread at a time; it changes nothing in the draws.
  std::function<void(std::int64_t, std::int64_t)> progress;
};

}  // namespace exodus
