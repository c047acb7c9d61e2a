// Built without MPI: one process, no farm (dist/rank_farm.h).
#include "exodus/dist/rank_farm.h"

namespace exodus {

MpiSession::MpiSession(int*, char***) {}
MpiSession::~MpiSession() = default;
std::optional<CommandMismatch> MpiSession::compare_commands(const std::vector<std::string>&) { return std::nullopt; }
void MpiSession::finish(int) {}

}  // namespace exodus
