// libFuzzer target: the scenario folder. The embedded 2022 scenario is the base; the first
// byte picks which of its files the rest of the input replaces. Input errors are the
// expected answer to bad bytes; anything else is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "exodus/core/embedded_files.h"
#include "exodus/core/error.h"
#include "exodus/core/text_source.h"
#include "exodus/io/scenario/scenario_reader.h"
#include "replaced_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace exodus;
  if (size == 0) return 0;
  const auto files = embedded_case_files(embedded_default_scenario_name());
  if (files.empty()) return 0;
  const std::string replaced = fuzz::replaced_path(files, data[0]);
  MemorySource folder("fuzz");
  for (const auto& f : files)
    folder.put(f.path, f.path == replaced ? std::string(reinterpret_cast<const char*>(data + 1), size - 1)
                                          : std::string(f.data, f.size));
  try {
    read_scenario(folder);
  } catch (const InputError&) {
  } catch (const InputErrors&) {
  }
  return 0;
}
