#pragma once
// Where input text comes from: a folder on disk or a case compiled into the binary. Readers
// see only TextFile, so they work the same on both (and on fuzzer input).
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "exodus/core/limits.h"

namespace exodus {

struct TextFile {
  std::string name;     // shown in error messages (a path, or "embedded:mali/...")
  std::string content;  // raw bytes as read
};

// Reads one file from disk. Throws InputError (naming the path) when it is missing, is a
// directory, cannot be read, or is larger than `max_bytes` (checked before reading).
TextFile read_text_file(const std::filesystem::path& path,
                        std::int64_t max_bytes = InputLimits{}.max_file_bytes);

class FileSource {
 public:
  virtual ~FileSource() = default;
  // The file at `relative`, or nullopt when it does not exist. Throws InputError when it exists
  // but cannot be read (a directory, no permission).
  virtual std::optional<TextFile> read(const std::string& relative) const = 0;
  // The name a file at `relative` would be shown with.
  virtual std::string display_name(const std::string& relative) const = 0;
  // Reads a file that must exist; throws InputError naming it otherwise.
  TextFile require(const std::string& relative) const;
};

class DirectorySource final : public FileSource {
 public:
  explicit DirectorySource(std::filesystem::path root, std::int64_t max_file_bytes = InputLimits{}.max_file_bytes);
  std::optional<TextFile> read(const std::string& relative) const override;
  std::string display_name(const std::string& relative) const override;
  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;
  std::int64_t max_file_bytes_;
};

// Files of an embedded case below `subfolder` (e.g. case "mali", subfolder "input").
class EmbeddedSource final : public FileSource {
 public:
  EmbeddedSource(std::string case_name, std::string subfolder);
  std::optional<TextFile> read(const std::string& relative) const override;
  std::string display_name(const std::string& relative) const override;

 private:
  std::string case_name_;
  std::string subfolder_;
};

// Files held in memory (tests, fuzzing, generated cases).
class MemorySource final : public FileSource {
 public:
  explicit MemorySource(std::string label = "memory") : label_(std::move(label)) {}
  void put(std::string relative, std::string content) { files_[std::move(relative)] = std::move(content); }
  std::optional<TextFile> read(const std::string& relative) const override;
  std::string display_name(const std::string& relative) const override { return label_ + "/" + relative; }

 private:
  std::string label_;
  std::map<std::string, std::string> files_;
};

}  // namespace exodus
