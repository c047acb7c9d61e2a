// exodus: simulate and measure mass flight across borders.
#include <algorithm>
#include <clocale>
#include <cstdio>
#include <exception>
#include <locale>
#include <new>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "exodus/cli/commands.h"
#include "exodus/core/suggest.h"
#include "exodus/ranks/rank_farm.h"

namespace {

// The command line, run; its exit code. `farm`: the MPI job's ranks (null without MPI).
int run_command_line(int argc, char** argv, exodus::RankFarm* farm) {
  // Under mpirun: ranks other than 0 run members for rank 0 and print nothing (they read the
  // same inputs, so rank 0 reports any error they would).
  const bool worker_rank = farm && farm->rank() != 0;
  if (worker_rank && (!std::freopen("/dev/null", "w", stdout) || !std::freopen("/dev/null", "w", stderr)))
    return exodus::kExitInternal;
  std::string command_line;
  for (int i = 0; i < argc; ++i) command_line += (i ? " " : "") + std::string(argv[i]);
  CLI::App app{"exodus: simulate and measure mass flight across borders"};
  app.set_version_flag("--version", std::string("exodus ") + EXODUS_VERSION);
  app.require_subcommand(1);
  int exit_code = exodus::kExitOk;
  // The commands that share their members over the ranks are given the farm (calibrate; run,
  // which shares only an ensemble's). The others are rank 0's alone: another rank parses the
  // same words and leaves, rather than run them again into the same folder (rank 0 hears that
  // it left: MpiSession::finish).
  exodus::add_run_command(app, &exit_code, command_line, farm);
  exodus::add_check_command(app, &exit_code);
  exodus::add_estimate_command(app, &exit_code, command_line);
  exodus::add_calibrate_command(app, &exit_code, command_line, farm);
  exodus::add_score_command(app, &exit_code);
  exodus::add_report_command(app, &exit_code);
  // Every verb not given the farm, a later one too, leaves at once on another rank.
  if (worker_rank)
    for (auto* verb : app.get_subcommands({}))
      if (verb->get_name() != "run" && verb->get_name() != "calibrate")
        verb->callback([&exit_code] { exit_code = exodus::kExitOk; });
  // A first word that is no option and no verb: say so, rather than "a subcommand is required".
  if (argc > 1 && argv[1][0] != '-') {
    std::vector<std::string> verbs;
    for (const auto* sub : app.get_subcommands({})) verbs.push_back(sub->get_name());
    if (std::find(verbs.begin(), verbs.end(), argv[1]) == verbs.end()) {
      fmt::print(stderr, "exodus: unknown command '{}'{}; the commands are {} (exodus --help)\n", argv[1],
                 exodus::did_you_mean(argv[1], verbs), exodus::one_of(verbs));
      return exodus::kExitBadInput;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const exodus::WorkerRankDone&) {
    return exodus::kExitOk;  // a worker rank: rank 0 wrote the outputs
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : exodus::kExitBadInput;
  } catch (const std::bad_alloc&) {
    // The limits (--max-agents, --max-days) should refuse such inputs up front; say what to try.
    fmt::print(stderr, "exodus: out of memory; no output written (lower --max-agents or --max-days to have "
                       "such inputs refused before they run)\n");
    return exodus::kExitInternal;
  } catch (const std::exception& e) {
    fmt::print(stderr, "exodus: internal error: {}\n", e.what());
    return exodus::kExitInternal;
  }
  return exit_code;
}

}  // namespace

int main(int argc, char** argv) {
  exodus::MpiSession mpi(&argc, &argv);
  // Under mpirun every rank must be given the same command (an MPMD job may give each its own):
  // compared before any work, and refused on every rank at once.
  if (const auto mismatch = mpi.compare_commands(std::vector<std::string>(argv + std::min(argc, 1), argv + argc))) {
    if (!mpi.worker())
      fmt::print(stderr,
                 "exodus: the ranks of this MPI job were given different commands: rank {} ran 'exodus {}' where rank 0 "
                 "ran 'exodus {}'; give every rank the same command (nothing was run)\n",
                 mismatch->rank, mismatch->command, mismatch->rank0_command);
    mpi.finish(exodus::kExitBadInput);
    return exodus::kExitBadInput;
  }
  const int code = run_command_line(argc, argv, mpi.farm());
  // Under MPI: rank 0's failure ends the whole job (workers may be running its members); a
  // worker that leaves unreleased tells rank 0, which would otherwise wait for it.
  mpi.finish(code);
  return code;
}
