#pragma once
// How a report page exodus wrote is known again: it names its maker in <meta name="generator">.
// `exodus report --force` replaces only such a page, and an output folder holding one beside the
// files its manifest lists is still an exodus output (`--report` and `exodus report` put it there).
#include <filesystem>

namespace exodus {

inline constexpr const char* kReportGenerator = "exodus report";

// Whether the file at `path` is a page exodus wrote (its generator meta tag, near the top).
bool is_exodus_report_page(const std::filesystem::path& path);

}  // namespace exodus
