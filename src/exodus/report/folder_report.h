#pragma once
// The report page of any output folder exodus writes, chosen by what the folder holds.
#include <filesystem>
#include <string>

#include "exodus/report/report_page.h"

namespace exodus {

// Throws InputError for a folder that is not an exodus output, or one whose kind has no page yet.
ReportPage report_for_folder(const std::filesystem::path& folder);

// Whether the file at `path` is a page exodus wrote (its generator meta tag).
bool is_exodus_report_page(const std::filesystem::path& path);

}  // namespace exodus
