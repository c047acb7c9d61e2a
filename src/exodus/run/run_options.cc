#include "exodus/run/run_options.h"

#include "exodus/sim/engine.h"

namespace exodus {

EngineOptions engine_options(const RunOptions& options) {
  EngineOptions engine;
  engine.threads = options.threads;
  engine.pool = options.pool;
  engine.stop = options.stop;
  return engine;
}

}  // namespace exodus
