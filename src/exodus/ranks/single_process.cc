// Built without MPI: one process, no farm (ranks/rank_farm.h).
#include "exodus/ranks/rank_farm.h"

namespace exodus {

MpiSession::MpiSession(int*, char***) {}
MpiSession::~MpiSession() = default;
std::optional<CommandMismatch> MpiSession::compare_commands(const std::vector<std::string>&) { return std::nullopt; }
void MpiSession::finish(int) {}

}  // namespace exodus
