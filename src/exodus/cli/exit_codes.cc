#include "exodus/cli/exit_codes.h"

#include <cstdio>

#include <fmt/format.h>

#include "exodus/cli/commands.h"
#include "exodus/core/error.h"

namespace exodus {

int exit_code_of(const std::function<int()>& body, const std::string& inputs) {
  try {
    return body();
  } catch (const InputErrors& e) {
    fmt::print(stderr, "exodus: {} problem{} in the {}:\n{}\n", e.errors().size(), e.errors().size() == 1 ? "" : "s", inputs,
               e.what());
    return kExitBadInput;
  } catch (const InputError& e) {
    fmt::print(stderr, "exodus: {}\n", e.what());
    return kExitBadInput;
  } catch (const OutputError& e) {
    fmt::print(stderr, "exodus: {}\n", e.what());
    return kExitOutput;
  }
}

}  // namespace exodus
