// libFuzzer target: every Flee input reader. The first byte picks the reader, the rest is
// the file. Input errors are the expected answer to bad bytes; anything else is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "exodus/core/date.h"
#include "exodus/core/error.h"
#include "exodus/io/flee/flee_readers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace exodus;
  if (size == 0) return 0;
  const int which = data[0] % 8;
  const TextFile file{"fuzz", std::string(reinterpret_cast<const char*>(data + 1), size - 1)};
  ErrorList errors;
  try {
    switch (which) {
      case 0: read_flee_locations(file, errors); break;
      case 1: read_flee_routes(file, errors); break;
      case 2: read_flee_closures(file, errors); break;
      case 3: read_flee_conflicts(file, errors); break;
      case 4: read_flee_sim_period(file, errors); break;
      case 5: read_flee_corrections(file, errors); break;
      case 6: read_flee_settings(file, errors); break;
      default: read_flee_series(file, *Date::parse("2012-02-29"), 1, errors); break;
    }
  } catch (const InputError&) {
  } catch (const InputErrors&) {
  }
  return 0;
}
