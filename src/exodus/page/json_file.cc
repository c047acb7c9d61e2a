#include "exodus/page/json_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string_view>

#include "exodus/core/error.h"
#include "exodus/core/text_source.h"

namespace exodus {

namespace {

const char* type_words(const nlohmann::json& v) {
  if (v.is_string()) return "a string";
  if (v.is_boolean()) return "true or false";
  if (v.is_number()) return "a number";
  if (v.is_array()) return "an array";
  if (v.is_object()) return "an object";
  return "null";
}

// How deep arrays and objects nest, counted on the text (strings skipped) before it is parsed:
// a value thousands of levels deep parses, but writing it back out (a page's header shows some
// values as JSON) recurses once per level and overflows the stack. exodus writes five at most.
constexpr int kMostDepth = 64;

std::optional<std::size_t> too_deep(std::string_view text) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMostDepth) return i;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return std::nullopt;
}

}  // namespace

JsonInput::JsonInput(std::string file, nlohmann::json doc) : file_(std::move(file)) {
  if (!doc.is_object())
    throw InputError({file_, 0, ""}, fmt::format("holds {} where exodus writes an object: is it an exodus output?", type_words(doc)));
  root_ = std::make_shared<const nlohmann::json>(std::move(doc));
  node_ = root_.get();
}

JsonInput::JsonInput(std::string file, std::shared_ptr<const nlohmann::json> root, const nlohmann::json* node, std::string path)
    : file_(std::move(file)), root_(std::move(root)), node_(node), path_(std::move(path)) {}

std::string JsonInput::path_of(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }

const nlohmann::json* JsonInput::find(const std::string& key) const {
  if (!node_) return nullptr;
  const auto it = node_->find(key);
  return it == node_->end() || it->is_null() ? nullptr : &*it;
}

void JsonInput::wrong(const std::string& key, const char* expected) const {
  const nlohmann::json* v = find(key);
  throw InputError({file_, 0, path_of(key)},
                   fmt::format("is {} where exodus writes {}: was the file edited?", v ? type_words(*v) : "missing", expected));
}

bool JsonInput::has(const std::string& key) const { return find(key) != nullptr; }

std::string JsonInput::text(const std::string& key, const std::string& fallback) const {
  const nlohmann::json* v = find(key);
  if (!v) return fallback;
  if (!v->is_string()) wrong(key, "a string");
  return v->get<std::string>();
}

std::optional<double> JsonInput::optional_number(const std::string& key) const {
  const nlohmann::json* v = find(key);
  if (!v) return std::nullopt;
  if (!v->is_number()) wrong(key, "a number");
  const double x = v->get<double>();
  if (!std::isfinite(x)) wrong(key, "a finite number");
  return x;
}

double JsonInput::number(const std::string& key, double fallback) const { return optional_number(key).value_or(fallback); }

bool JsonInput::flag(const std::string& key, bool fallback) const {
  const nlohmann::json* v = find(key);
  if (!v) return fallback;
  if (!v->is_boolean()) wrong(key, "true or false");
  return v->get<bool>();
}

std::string JsonInput::shown(const std::string& key) const {
  const nlohmann::json* v = find(key);
  return v ? v->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) : "?";
}

JsonInput JsonInput::object(const std::string& key) const {
  const nlohmann::json* v = find(key);
  if (!v) return JsonInput(file_, root_, nullptr, path_of(key));
  if (!v->is_object()) wrong(key, "an object");
  return JsonInput(file_, root_, v, path_of(key));
}

std::vector<JsonInput> JsonInput::objects(const std::string& key) const {
  std::vector<JsonInput> out;
  const nlohmann::json* v = find(key);
  if (!v) return out;
  if (!v->is_array()) wrong(key, "an array");
  for (std::size_t i = 0; i < v->size(); ++i) {
    const std::string at = fmt::format("{}[{}]", path_of(key), i);
    if (!(*v)[i].is_object())
      throw InputError({file_, 0, at}, fmt::format("is {} where exodus writes an object: was the file edited?", type_words((*v)[i])));
    out.push_back(JsonInput(file_, root_, &(*v)[i], at));
  }
  return out;
}

std::pair<double, double> JsonInput::interval(const std::string& key) const {
  const nlohmann::json* v = find(key);
  if (!v || !v->is_array() || v->size() != 2 || !(*v)[0].is_number() || !(*v)[1].is_number()) wrong(key, "[low, high]");
  const double lo = (*v)[0].get<double>(), hi = (*v)[1].get<double>();
  if (!(std::isfinite(lo) && std::isfinite(hi) && lo <= hi)) wrong(key, "[low, high] with low <= high");
  return {lo, hi};
}

JsonInput read_json(const TextFile& f) {
  if (const auto at = too_deep(f.content))
    throw InputError({f.name, static_cast<std::size_t>(std::count(f.content.begin(), f.content.begin() + static_cast<std::ptrdiff_t>(*at), '\n') + 1), ""},
                     fmt::format("nests arrays or objects more than {} deep; exodus writes a few levels", kMostDepth));
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(f.content);
  } catch (const nlohmann::json::exception& e) {
    throw InputError({f.name, 0, ""}, fmt::format("is not JSON: {}", e.what()));
  }
  return JsonInput(f.name, std::move(doc));
}

std::vector<std::pair<std::string, std::string>> input_hash_lines(const JsonInput& manifest) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& in : manifest.objects("inputs"))
    out.emplace_back("input " + in.text("file"), "sha256 " + in.text("sha256"));
  return out;
}

}  // namespace exodus
