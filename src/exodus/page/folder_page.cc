#include "exodus/page/folder_page.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>


#include "exodus/core/error.h"
#include "exodus/core/text_source.h"
#include "exodus/page/band_page.h"
#include "exodus/page/estimate_page.h"
#include "exodus/page/flee_page.h"
#include "exodus/page/json_file.h"
#include "exodus/page/run_page.h"

namespace exodus {

namespace {

Page page_of_folder(const OutputFolder& files, const std::filesystem::path& manifest_path) {
  std::error_code ec;
  const std::filesystem::path& folder = files.path;
  const JsonInput manifest = read_json(files.require("manifest.json"));
  // A Flee case's run: its out.csv.
  if (manifest.text("rule_set") == "flee" && std::filesystem::exists(folder / "out.csv", ec)) return flee_page(files);
  if (manifest.text("verb") == "estimate") return estimate_page(files);
  // Bands: a calibration, or an ensemble (both write forecast.csv).
  if (std::filesystem::exists(folder / "forecast.csv", ec)) return band_page(files);
  // A scenario run: the exodus rule set, one run (an ensemble has members.csv), a daily.csv.
  const bool scenario_run = manifest.text("rule_set") == "exodus" && std::filesystem::exists(folder / "daily.csv", ec) &&
                            !std::filesystem::exists(folder / "members.csv", ec);
  if (!scenario_run)
    throw InputError({manifest_path.string(), 0, ""},
                     "is not of a scenario run, a Flee run, an ensemble, a calibration or an estimate");
  return run_page(files);
}

}  // namespace

Page page_for_folder(const std::filesystem::path& folder, const InputLimits& limits) {
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec))
    throw InputError({folder.string(), 0, ""}, "is not a folder: name an output folder of exodus run");
  const auto manifest_path = folder / "manifest.json";
  if (!std::filesystem::exists(manifest_path, ec))
    throw InputError({folder.string(), 0, ""}, "has no manifest.json: it is not an output folder of exodus");
  try {
    return page_of_folder(OutputFolder(folder, limits), manifest_path);
  } catch (const nlohmann::json::exception& e) {
    // Every lookup goes through JsonInput, which names its field; this is the net under it.
    throw InputError({folder.string(), 0, ""}, fmt::format("holds a JSON value exodus did not write: {}", e.what()));
  }
}

}  // namespace exodus
