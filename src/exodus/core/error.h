#pragma once
// Errors in user input carry where they come from (file, line, field), so a user can fix the
// input without reading code. Readers collect every problem they can, not just the first.
#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace exodus {

struct SourcePos {
  std::string file;
  std::size_t line = 0;  // 1-based; 0 when the problem concerns the whole file
  std::string field;     // column or key name; empty when not about one field
};

// "file:line: field 'x': message", with the parts that are known.
std::string format_error(const SourcePos& pos, const std::string& message);

class InputError : public std::runtime_error {
 public:
  InputError(SourcePos pos, std::string message);
  const SourcePos& pos() const { return pos_; }
  const std::string& message() const { return message_; }

 private:
  SourcePos pos_;
  std::string message_;
};

// Every problem found in a set of inputs; what() lists them one per line.
class InputErrors : public std::runtime_error {
 public:
  explicit InputErrors(std::vector<InputError> errors);
  const std::vector<InputError>& errors() const { return errors_; }

 private:
  std::vector<InputError> errors_;
};

// A long computation stopped on request (Ctrl-C, SIGTERM) before it finished.
class Interrupted : public std::runtime_error {
 public:
  Interrupted() : std::runtime_error("interrupted") {}
};

class ErrorList {
 public:
  void add(SourcePos pos, std::string message);
  void add(const InputError& error) { errors_.push_back(error); }
  void add_all(const InputErrors& errors);
  bool empty() const { return errors_.empty(); }
  std::size_t size() const { return errors_.size(); }
  const std::vector<InputError>& errors() const { return errors_; }
  // Throws InputErrors when anything was collected.
  void throw_if_any() const;

 private:
  std::vector<InputError> errors_;
};

}  // namespace exodus
