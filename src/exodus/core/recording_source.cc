#include "exodus/core/recording_source.h"

#include "exodus/core/sha256.h"

namespace exodus {

std::optional<TextFile> RecordingSource::read(const std::string& relative) const {
  auto file = inner_.read(relative);
  if (file) note(*file);
  return file;
}

void RecordingSource::note(const TextFile& file) const {
  records_.push_back({file.name, file.content.size(), sha256_hex(file.content)});
}

}  // namespace exodus
