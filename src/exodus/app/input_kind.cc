#include "exodus/app/input_kind.h"

namespace exodus {

namespace fs = std::filesystem;

InputKind input_kind_of(const fs::path& path) {
  if (fs::is_regular_file(path)) return InputKind::kReportsFile;
  if (!fs::is_directory(path)) return fs::exists(path) ? InputKind::kOther : InputKind::kMissing;
  // A folder with both is a scenario (its tables may include a locations.csv of its own).
  if (fs::is_regular_file(path / "scenario.yaml")) return InputKind::kScenarioFolder;
  if (fs::is_regular_file(path / "locations.csv")) return InputKind::kFleeFolder;
  return InputKind::kOtherFolder;
}

}  // namespace exodus
