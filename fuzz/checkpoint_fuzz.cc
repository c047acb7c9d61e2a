// libFuzzer target: a calibration's checkpoint as --resume reads it. The first two bytes give
// the calibration's members (8 + byte) and coordinates (byte % 16), the third its budget
// (0: none; else 100 x byte); the rest is the file. Input errors are the expected answer to
// bad bytes; anything else escaping, a crash or a sanitizer report is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "exodus/core/error.h"
#include "exodus/infer/smc_checkpoint.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace exodus;
  if (size < 3) return 0;
  const CheckpointShape shape{8u + data[0], data[1] % 16u, 100u * data[2]};
  try {
    read_smc_checkpoint({"fuzz.checkpoint", std::string(reinterpret_cast<const char*>(data + 3), size - 3)}, shape);
  } catch (const InputError&) {
  }
  return 0;
}
