#pragma once
// What a path given to exodus is: a scenario folder (scenario.yaml), a Flee input folder
// (locations.csv) or a reports file. One answer for every verb.
#include <filesystem>
#include <string>

namespace exodus {

enum class InputKind { kScenarioFolder, kFleeFolder, kReportsFile, kOtherFolder, kMissing, kOther };

InputKind input_kind_of(const std::filesystem::path& path);

}  // namespace exodus
