#pragma once
// The report page of any output folder exodus writes, chosen by what the folder holds.
#include <filesystem>
#include <string>

#include "exodus/core/limits.h"
#include "exodus/page/page_html.h"

namespace exodus {

// Throws InputError for a folder that is not an exodus output, or one whose kind has no page yet.
// Its files are read under `limits` (--max-input-mb, --max-days).
Page page_for_folder(const std::filesystem::path& folder, const InputLimits& limits = {});

}  // namespace exodus
