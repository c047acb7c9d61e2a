// libFuzzer target: the reports file. Input errors (InputError, InputErrors) are the expected
// answer to bad bytes; anything else escaping, a crash or a sanitizer report is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "exodus/core/error.h"
#include "exodus/io/reports/reports_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    exodus::read_reports({"fuzz.csv", std::string(reinterpret_cast<const char*>(data), size)});
  } catch (const exodus::InputError&) {
  } catch (const exodus::InputErrors&) {
  }
  return 0;
}
