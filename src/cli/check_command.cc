// exodus check DIR: validate a scenario folder (or a Flee input folder) and report every problem.
#include <filesystem>

#include <fmt/format.h>

#include "app/flee_case.h"
#include "cli/commands.h"
#include "cli/limit_options.h"
#include "core/error.h"
#include "io/scenario/scenario_reader.h"

namespace exodus {

namespace fs = std::filesystem;

void add_check_command(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("check", "Validate a scenario folder; report every problem with file, line and field");
  auto folder = std::make_shared<std::string>();
  auto validation = std::make_shared<std::string>();
  cmd->add_option("FOLDER", *folder, "a scenario folder (scenario.yaml) or a Flee input folder")->required();
  cmd->add_option("--validation", *validation, "for a Flee folder: its validation folder");
  const auto limits = add_limit_options(cmd, true);
  cmd->callback([=] {
    std::vector<InputError> problems;
    const fs::path dir(*folder);
    if (!fs::is_directory(dir)) {
      problems.emplace_back(SourcePos{*folder, 0, ""}, "is not a folder");
    } else if (fs::exists(dir / "locations.csv") && !fs::exists(dir / "scenario.yaml")) {
      FleeCaseSpec spec;
      spec.input_dir = dir;
      spec.limits = *limits;
      if (!validation->empty()) spec.validation_dir = *validation;
      try {
        load_flee_case(spec);
      } catch (const InputErrors& e) {
        problems = e.errors();
      } catch (const InputError& e) {
        problems.push_back(e);
      }
    } else {
      problems = check_scenario(DirectorySource(dir, limits->max_file_bytes), *limits);
    }
    for (const auto& p : problems) fmt::print("{}\n", p.what());
    if (problems.empty()) {
      fmt::print("{}: no problems found\n", *folder);
      *exit_code = kExitOk;
    } else {
      fmt::print(stderr, "{} problem{} found\n", problems.size(), problems.size() == 1 ? "" : "s");
      *exit_code = kExitBadInput;
    }
  });
}

}  // namespace exodus
