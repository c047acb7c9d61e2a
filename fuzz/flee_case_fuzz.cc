// libFuzzer target: a whole Flee case, through folders. The embedded Mali case (input files,
// simsetting.yml, validation files with data_layout.csv) is the base; the first byte picks
// which of its files the rest of the input replaces. Reading the folders, building the world
// (every cross-file check) and foreseeing the agent count must answer bad bytes with input
// errors; anything else is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "exodus/core/embedded_files.h"
#include "exodus/core/error.h"
#include "exodus/core/text_source.h"
#include "exodus/io/flee/flee_readers.h"
#include "exodus/sim/flee/agent_bound.h"
#include "exodus/io/flee/flee_world_builder.h"
#include "replaced_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace exodus;
  if (size == 0) return 0;
  const auto files = embedded_case_files(embedded_default_case_name());
  if (files.empty()) return 0;
  const std::string replaced = fuzz::replaced_path(files, data[0]);
  const std::string fuzzed(reinterpret_cast<const char*>(data + 1), size - 1);
  MemorySource input("input"), validation("validation");
  std::string settings_text;
  for (const auto& f : files) {
    const std::string path(f.path);
    const std::string content = path == replaced ? fuzzed : std::string(f.data, f.size);
    if (path.starts_with("input/")) input.put(path.substr(6), content);
    else if (path.starts_with("validation/")) validation.put(path.substr(11), content);
    else if (path == "simsetting.yml") settings_text = content;
  }
  const TextFile settings{"simsetting.yml", settings_text};
  try {
    const FleeWorld world = build_flee_world(read_flee_case(input, &validation, &settings), "fuzz");
    flee_agent_bound(world);
  } catch (const InputError&) {
  } catch (const InputErrors&) {
  }
  return 0;
}
