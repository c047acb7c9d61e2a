// libFuzzer target: the scenario folder. The embedded 2022 scenario is the base; the first
// byte picks which of its files the rest of the input replaces. Input errors are the
// expected answer to bad bytes; anything else is a bug.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/embedded_files.h"
#include "core/error.h"
#include "core/text_source.h"
#include "io/scenario/scenario_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace exodus;
  if (size == 0) return 0;
  const auto files = embedded_case_files(embedded_default_scenario_name());
  if (files.empty()) return 0;
  // Files in path order, so that the selector means the same file as in fuzz/make-corpora.
  std::vector<std::string> paths;
  for (const auto& f : files) paths.emplace_back(f.path);
  std::sort(paths.begin(), paths.end());
  const std::string& replaced = paths[data[0] % paths.size()];
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
