#pragma once
// A FileSource that remembers every file read through it (name, size, SHA-256), so a run's
// manifest can name exactly the inputs it used.
#include <mutex>
#include <vector>

#include "exodus/core/text_source.h"

namespace exodus {

struct InputRecord {
  std::string name;
  std::size_t bytes = 0;
  std::string sha256;
};

class RecordingSource final : public FileSource {
 public:
  explicit RecordingSource(const FileSource& inner) : inner_(inner) {}
  std::optional<TextFile> read(const std::string& relative) const override;
  std::string display_name(const std::string& relative) const override {
    return inner_.display_name(relative);
  }
  const std::vector<InputRecord>& records() const { return records_; }
  // Records a file read some other way (e.g. a settings file).
  void note(const TextFile& file) const;

 private:
  const FileSource& inner_;
  mutable std::vector<InputRecord> records_;
};

}  // namespace exodus
