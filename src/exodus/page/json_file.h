#pragma once
// An output folder's JSON file (manifest.json, summary.json) read back for a page. A file exodus
// wrote is an input once read back: a user may have edited it, so every value is looked up
// through JsonInput, which checks its type and names the file and the key's path
// ("summary.json: field 'totals[2].interval.90%'") when it is not what exodus writes.
#include <nlohmann/json.hpp>

#include "exodus/core/text_source.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace exodus {

class JsonInput {
 public:
  JsonInput() = default;
  // The whole document of `file`; `doc` must be an object (else InputError).
  JsonInput(std::string file, nlohmann::json doc);

  const std::string& file() const { return file_; }
  // Present and not null.
  bool has(const std::string& key) const;
  // The value, or `fallback` when absent or null; InputError when of another type.
  std::string text(const std::string& key, const std::string& fallback = "") const;
  double number(const std::string& key, double fallback) const;
  std::optional<double> optional_number(const std::string& key) const;
  bool flag(const std::string& key, bool fallback) const;
  // Any value as JSON text, for a page's header ("?" when absent).
  std::string shown(const std::string& key) const;
  // An object below this one (an empty view when absent or null); InputError when not an object.
  JsonInput object(const std::string& key) const;
  // The objects of an array (none when absent or null); InputError when not an array of objects.
  std::vector<JsonInput> objects(const std::string& key) const;
  // A two-number array [low, high] with low <= high; InputError otherwise, or when absent.
  std::pair<double, double> interval(const std::string& key) const;
  // The key's path from the document's root, for errors.
  std::string path_of(const std::string& key) const;

 private:
  JsonInput(std::string file, std::shared_ptr<const nlohmann::json> root, const nlohmann::json* node, std::string path);
  const nlohmann::json* find(const std::string& key) const;  // null when absent or null
  [[noreturn]] void wrong(const std::string& key, const char* expected) const;

  std::string file_;
  std::shared_ptr<const nlohmann::json> root_;  // keeps the document alive for node_
  const nlohmann::json* node_ = nullptr;        // this object; null: an empty view
  std::string path_;
};

// Throws InputError naming the file when it is not JSON, nests too deep, or is not an object.
JsonInput read_json(const TextFile& file);

// A page's header lines for a manifest's inputs: ("input FILE", "sha256 DIGEST") each.
std::vector<std::pair<std::string, std::string>> input_hash_lines(const JsonInput& manifest);

}  // namespace exodus
