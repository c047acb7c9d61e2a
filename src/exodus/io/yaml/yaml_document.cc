#include "exodus/io/yaml/yaml_document.h"

#include <fmt/format.h>

#include <map>
#include <string>
#include <vector>

#include "exodus/core/control_characters.h"

namespace exodus {

namespace {

std::size_t line_of(const YAML::Node& n) { return static_cast<std::size_t>(n.Mark().line + 1); }

// A scalar (a key or a value) may hold a control character the text does not: YAML's escapes
// ("\e", "\x1b", "\u009b", "\N") write them in plain characters.
void check_scalar(const TextFile& file, const YAML::Node& node, const std::string& at, ErrorList& errors) {
  if (!node.IsScalar()) return;
  if (const auto control = find_control_character(node.Scalar()))
    errors.add({file.name, line_of(node), at}, control_character_message(control->code) + " (it is written as an escape)");
}

// Nodes a document may stand for once its aliases are followed. An alias repeats what its
// anchor names, so a few lines of aliases of aliases stand for billions of nodes, which every
// walk of the document (this one, the readers') would visit; no exodus input needs more than
// a few thousand.
constexpr std::size_t kMostNodes = 100'000;

// Every node of the document, walked without recursion (the parser already bounded the depth;
// the walk need not add a stack frame per level): keys given twice, and control characters.
// Aliases are followed as the readers follow them, and the nodes counted, so the walk is
// bounded too.
void check_nodes(const TextFile& file, const YAML::Node& root, ErrorList& errors) {
  std::vector<std::pair<YAML::Node, std::string>> todo{{root, ""}};
  std::size_t visited = 0;
  while (!todo.empty()) {
    if (++visited > kMostNodes) {
      errors.add({file.name, 0, ""}, fmt::format("stands for more than {} values once its aliases (*name) are followed; "
                                                 "no exodus input needs so many: write the values out, or use fewer aliases",
                                                 kMostNodes));
      return;
    }
    auto [node, path] = todo.back();
    todo.pop_back();
    check_scalar(file, node, path, errors);
    if (node.IsMap()) {
      std::map<std::string, std::size_t> first_line;
      for (const auto& kv : node) {
        const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : std::string("<complex key>");
        const std::string shown = with_control_characters_shown(key);  // the path is printed
        const std::string at = path.empty() ? shown : path + "." + shown;
        check_scalar(file, kv.first, at, errors);
        const auto [it, fresh] = first_line.emplace(key, line_of(kv.first));
        if (!fresh)
          errors.add({file.name, line_of(kv.first), at},
                     fmt::format("appears twice (first on line {}); give each key once", it->second));
        todo.emplace_back(kv.second, at);
      }
    } else if (node.IsSequence()) {
      for (std::size_t i = 0; i < node.size(); ++i) todo.emplace_back(node[i], fmt::format("{}[{}]", path, i));
    }
  }
}

}  // namespace

std::optional<YAML::Node> load_yaml(const TextFile& file, ErrorList& errors) {
  if (const auto control = find_control_character(file.content)) {
    errors.add({file.name, control->line, ""}, control_character_message(control->code));
    return std::nullopt;
  }
  YAML::Node root;
  try {
    root = YAML::Load(file.content);
  } catch (const YAML::DeepRecursion& e) {
    errors.add({file.name, static_cast<std::size_t>(e.mark.line + 1), ""},
               fmt::format("nests {} levels deep or more; no exodus input needs more than a few", e.depth()));
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    errors.add({file.name, static_cast<std::size_t>(e.mark.line + 1), ""}, fmt::format("not valid YAML: {}", e.msg));
    return std::nullopt;
  }
  const std::size_t before = errors.size();
  check_nodes(file, root, errors);
  if (errors.size() != before) return std::nullopt;
  return root;
}

}  // namespace exodus
