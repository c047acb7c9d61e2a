// exodus score OUT.csv: Flee's validation measures of any Flee-layout out.csv, Flee's own
// included, so exodus and Flee are compared by one implementation of the measure.
#include <fmt/format.h>

#include "exodus/cli/commands.h"
#include "exodus/core/error.h"
#include "exodus/core/text_source.h"
#include "exodus/score/flee_score.h"

namespace exodus {

void add_score_command(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("score", "Flee's validation error (ARD) of an out.csv");
  auto file = std::make_shared<std::string>();
  auto days = std::make_shared<std::size_t>(0);
  cmd->add_option("OUT_CSV", *file, "a Flee-layout out.csv")->required();
  cmd->add_option("--days", *days, "score only the first N days (at least 1)")->check(CLI::Range(std::size_t{1}, std::size_t{1000000}));
  cmd->callback([=] {
    try {
      const auto table = read_flee_out_csv(read_text_file(*file));
      // A header with no day scores nothing: an ARD of 0 would read as a perfect fit.
      if (table.days() == 0) throw InputError({*file, 0, ""}, "has no day to score (only a header)");
      const auto s = score_flee(table, *days);
      fmt::print("days {}  ARD {:.4f}  rescaled ARD {:.4f}  mean Total error {:.4f}\n",
                 s.error.size(), s.ard, s.ard_rescaled, s.mean_total_error);
      *exit_code = kExitOk;
    } catch (const InputError& e) {
      fmt::print(stderr, "error: {}\n", e.what());
      *exit_code = kExitBadInput;
    }
  });
}

}  // namespace exodus
