#include "exodus/app/use_case.h"

#include <algorithm>
#include <thread>

namespace exodus {

int resolve_threads(int requested) {
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return requested > 0 ? std::min(requested, cores) : cores;
}

}  // namespace exodus
