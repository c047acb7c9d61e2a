#pragma once
// An output folder's JSON file (manifest.json, summary.json) read back for a page.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace exodus {

// Throws InputError naming the file when it is missing, too large or not JSON.
nlohmann::json read_json_file(const std::filesystem::path& path);

// A page's header lines for a manifest's inputs: ("input FILE", "sha256 DIGEST") each.
std::vector<std::pair<std::string, std::string>> input_hash_lines(const nlohmann::json& manifest);

}  // namespace exodus
