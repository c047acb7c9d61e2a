#pragma once
// An output folder's JSON file (manifest.json, summary.json) read back for a page.
#include <nlohmann/json.hpp>

#include <filesystem>

namespace exodus {

// Throws InputError naming the file when it is missing, too large or not JSON.
nlohmann::json read_json_file(const std::filesystem::path& path);

}  // namespace exodus
