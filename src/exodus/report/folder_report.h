#pragma once
// The report page of any output folder exodus writes, chosen by what the folder holds.
#include <filesystem>
#include <string>

#include "exodus/report/report_page.h"

namespace exodus {

// Throws InputError for a folder that is not an exodus output, or one whose kind has no page yet.
ReportPage report_for_folder(const std::filesystem::path& folder);

}  // namespace exodus
