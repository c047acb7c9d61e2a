// exodus check PATH: validate a scenario folder, a Flee input folder or a reports file, and
// report every problem.
#include <filesystem>

#include <fmt/format.h>

#include "exodus/app/flee_case.h"
#include "exodus/cli/commands.h"
#include "exodus/cli/limit_options.h"
#include "exodus/core/error.h"
#include "exodus/io/reports/reports_reader.h"
#include "exodus/io/scenario/scenario_reader.h"

namespace exodus {

namespace fs = std::filesystem;

void add_check_command(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand(
      "check", "Validate a scenario folder, a Flee input folder or a reports file; report every problem with file, "
               "line and field");
  auto folder = std::make_shared<std::string>();
  auto validation = std::make_shared<std::string>();
  cmd->add_option("PATH", *folder, "a scenario folder (scenario.yaml), a Flee input folder or a reports CSV")
      ->required();
  cmd->add_option("--validation", *validation, "for a Flee folder: its validation folder");
  const auto limits = add_limit_options(cmd, true);
  cmd->callback([=] {
    std::vector<InputError> problems;
    const fs::path dir(*folder);
    if (fs::is_regular_file(dir)) {
      try {
        read_reports(read_text_file(dir, limits->max_file_bytes));
      } catch (const InputErrors& e) {
        problems = e.errors();
      } catch (const InputError& e) {
        problems.push_back(e);
      }
    } else if (fs::is_directory(dir) && dir.extension() == ".csv") {
      problems.emplace_back(SourcePos{*folder, 0, ""}, "is a directory, expected a reports file");
    } else if (!fs::is_directory(dir)) {
      problems.emplace_back(SourcePos{*folder, 0, ""},
                            fs::exists(dir) ? "is neither a folder nor a file" : "does not exist");
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
