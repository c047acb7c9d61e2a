#include "exodus/report/json_file.h"

#include <fmt/format.h>

#include "exodus/core/error.h"
#include "exodus/core/text_source.h"

namespace exodus {

nlohmann::json read_json_file(const std::filesystem::path& path) {
  const TextFile f = read_text_file(path);
  try {
    return nlohmann::json::parse(f.content);
  } catch (const nlohmann::json::exception& e) {
    throw InputError({f.name, 0, ""}, fmt::format("is not JSON: {}", e.what()));
  }
}

std::vector<std::pair<std::string, std::string>> input_hash_lines(const nlohmann::json& manifest) {
  std::vector<std::pair<std::string, std::string>> out;
  if (manifest.contains("inputs"))
    for (const auto& in : manifest["inputs"])
      out.emplace_back("input " + in.value("file", std::string()), "sha256 " + in.value("sha256", std::string()));
  return out;
}

}  // namespace exodus
