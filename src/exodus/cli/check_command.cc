// exodus check PATH: validate a scenario folder, a Flee input folder or a reports file, and
// report every problem.
#include <filesystem>

#include <fmt/format.h>

#include "exodus/app/estimate_use_case.h"
#include "exodus/app/load_scenario.h"
#include "exodus/app/flee_case.h"
#include "exodus/app/input_kind.h"
#include "exodus/cli/commands.h"
#include "exodus/cli/limit_options.h"
#include "exodus/core/embedded_files.h"
#include "exodus/core/error.h"
#include "exodus/core/text_source.h"
#include "exodus/io/reports/report_places.h"
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
  cmd->add_option("PATH", *folder,
                  "a scenario folder (scenario.yaml), a Flee input folder, a reports CSV, or an embedded case: "
                  "'default' (the 2022 scenario) or 'mali'")
      ->required();
  cmd->add_option("--validation", *validation, "for a Flee folder: its validation folder");
  auto scenario = std::make_shared<std::string>();
  cmd->add_option("--scenario", *scenario,
                  "for a reports file: hold its places against a scenario folder ('default': the embedded one)");
  const auto limits = add_limit_options(cmd, true, true);
  cmd->callback([=] {
    std::vector<InputError> problems;
    std::vector<std::string> warnings;  // shown, but not problems
    const fs::path dir(*folder);
    const InputKind kind = input_kind_of(dir);
    // The embedded cases by name, as `run` takes them (a path of that name comes first).
    const bool embedded_flee = kind == InputKind::kMissing && *folder == embedded_default_case_name();
    const bool embedded_scenario = kind == InputKind::kMissing && *folder == kDefaultScenarioName;
    const auto collect = [&](auto&& read) {
      try {
        read();
      } catch (const InputErrors& e) {
        problems = e.errors();
      } catch (const InputError& e) {
        problems.push_back(e);
      }
    };
    if (embedded_flee) {
      FleeCaseSpec spec;
      spec.limits = *limits;
      collect([&] { load_flee_case(spec); });
    } else if (embedded_scenario) {
      problems = check_scenario_inputs(EmbeddedSource(std::string(embedded_default_scenario_name()), ""), *limits);
    } else if (kind == InputKind::kReportsFile) {
      collect([&] {
        const TextFile file = read_text_file(dir, limits->max_file_bytes);
        const ReportSet reports = read_reports(file, limits->max_reports);
        check_estimate_size(reports, file.name, *limits);
        if (scenario->empty()) {
          warnings = near_duplicate_places(reports);
          return;
        }
        const auto loaded = load_scenario(
            *scenario == kDefaultScenarioName ? std::nullopt : std::optional<fs::path>(*scenario), *limits);
        if (auto places = check_report_places(reports, loaded.scenario); !places.empty())
          throw InputErrors(std::move(places));
      });
    } else if (kind != InputKind::kMissing && kind != InputKind::kOther && dir.extension() == ".csv") {
      problems.emplace_back(SourcePos{*folder, 0, ""}, "is a directory, expected a reports file");
    } else if (kind == InputKind::kMissing || kind == InputKind::kOther) {
      problems.emplace_back(SourcePos{*folder, 0, ""},
                            kind == InputKind::kOther ? "is neither a folder nor a regular file (a device, pipe or socket?)" : "does not exist");
    } else if (kind == InputKind::kFleeFolder) {
      FleeCaseSpec spec;
      spec.input_dir = dir;
      spec.limits = *limits;
      if (!validation->empty()) spec.validation_dir = *validation;
      collect([&] { load_flee_case(spec); });
    } else {
      // A scenario folder, or a folder that is neither: checked as a scenario, which names
      // what is missing.
      problems = check_scenario_inputs(DirectorySource(dir, limits->max_file_bytes), *limits);
    }
    for (const auto& w : warnings) fmt::print("warning: {}\n", w);
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
