#pragma once
// The errors every verb may meet, each turned into its message on stderr and its exit code
// (cli/commands.h): bad input 2 (every problem listed), an output folder that may not be
// written 4. A verb's own outcomes (an interrupt, failed diagnostics) stay in its body.
#include <functional>
#include <string>

namespace exodus {

// Runs `body` and returns its exit code, or the code of the error it threw. `inputs` names the
// inputs in "3 problems in the <inputs>:".
int exit_code_of(const std::function<int()>& body, const std::string& inputs = "input");

}  // namespace exodus
