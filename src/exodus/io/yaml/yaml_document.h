#pragma once
// Loading a YAML input (scenario.yaml, simsetting.yml) the one way every reader does: a file
// that does not parse, nests too deep, gives a key twice, or holds a control character other
// than tab and line breaks (core/control_characters.h; in its text or written as an escape in a
// key or value) is an error naming its line.
// yaml-cpp keeps both of a duplicated key and lookups find the first, so an appended
// `parameters:` block would otherwise be ignored in silence.
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <optional>

#include "exodus/core/error.h"
#include "exodus/core/text_source.h"

namespace exodus {

// The document, or nothing with the problems added to `errors`.
std::optional<YAML::Node> load_yaml(const TextFile& file, ErrorList& errors);

}  // namespace exodus
