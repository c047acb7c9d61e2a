#include "exodus/core/error.h"

#include <fmt/format.h>

namespace exodus {

std::string format_error(const SourcePos& pos, const std::string& message) {
  std::string location = pos.file.empty() ? "<input>" : pos.file;
  if (pos.line > 0) location = fmt::format("{}:{}", location, pos.line);
  if (pos.field.empty()) return fmt::format("{}: {}", location, message);
  return fmt::format("{}: field '{}': {}", location, pos.field, message);
}

InputError::InputError(SourcePos pos, std::string message)
    : std::runtime_error(format_error(pos, message)),
      pos_(std::move(pos)),
      message_(std::move(message)) {}

namespace {
std::string join_errors(const std::vector<InputError>& errors) {
  std::string out;
  for (const auto& e : errors) {
    if (!out.empty()) out += '\n';
    out += e.what();
  }
  return out;
}
}  // namespace

InputErrors::InputErrors(std::vector<InputError> errors)
    : std::runtime_error(join_errors(errors)), errors_(std::move(errors)) {}

void ErrorList::add(SourcePos pos, std::string message) {
  errors_.emplace_back(std::move(pos), std::move(message));
}

void ErrorList::add_all(const InputErrors& errors) {
  errors_.insert(errors_.end(), errors.errors().begin(), errors.errors().end());
}

void ErrorList::throw_if_any() const {
  if (!errors_.empty()) throw InputErrors(errors_);
}

}  // namespace exodus
