// exodus report OUTPUT_DIR [--out FILE] [--force]: one self-contained HTML page of an output
// folder's charts (report/), written atomically; an existing file is replaced only with
// --force, and only when it is a page exodus wrote.
#include <fmt/format.h>

#include <filesystem>

#include "exodus/cli/commands.h"
#include "exodus/cli/exit_codes.h"
#include "exodus/cli/limit_options.h"
#include "exodus/core/error.h"
#include "exodus/output/atomic_file.h"
#include "exodus/output/report_page_mark.h"
#include "exodus/page/folder_page.h"

namespace exodus {

int write_report_page(const std::filesystem::path& folder, const std::filesystem::path& out, bool force,
                      const InputLimits& limits) {
  return exit_code_of(
      [&] {
        std::error_code ec;
        if (std::filesystem::exists(out, ec)) {
          if (!force) {
            fmt::print(stderr, "exodus: {} exists: pass --force to replace it, or --out to write elsewhere\n", out.string());
            return kExitOutput;
          }
          if (!is_exodus_report_page(out)) {
            fmt::print(stderr, "exodus: {} exists and is not a page exodus wrote: it is left as it is\n", out.string());
            return kExitOutput;
          }
        }
        const std::string html = page_html(page_for_folder(folder, limits));
        // The page goes into a folder that is there: a mistyped path creates nothing.
        const std::filesystem::path parent = out.parent_path().empty() ? std::filesystem::path(".") : out.parent_path();
        if (!std::filesystem::is_directory(parent, ec)) {
          fmt::print(stderr, "exodus: {} is not a folder: the page goes into a folder that exists (create it, or give "
                             "another --out)\n", parent.string());
          return kExitOutput;
        }
        replace_file_atomically(out, html);
        fmt::print("report: {} ({:.1f} MB)\n", out.string(), static_cast<double>(html.size()) / 1e6);
        return kExitOk;
      },
      "output folder");
}

void add_report_command(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("report", "one HTML page of an output folder's charts, readable offline");
  auto folder = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  auto force = std::make_shared<bool>(false);
  cmd->add_option("OUTPUT_DIR", *folder, "an output folder of exodus run")->required();
  cmd->add_option("--out", *out, "the page to write (default: OUTPUT_DIR/report.html)");
  cmd->add_flag("--force", *force, "replace an existing page exodus wrote");
  // The folder's files are inputs once read back: the limits an output of these sizes was written under.
  const auto limits = add_limit_options(cmd, false, false);
  cmd->callback([=] {
    const std::filesystem::path target = out->empty() ? std::filesystem::path(*folder) / "report.html" : std::filesystem::path(*out);
    *exit_code = write_report_page(*folder, target, *force, *limits);
  });
}

}  // namespace exodus
