#pragma once
#include "exodus/core/error.h"
#include "exodus/core/text_source.h"
#include "exodus/world/reports.h"

namespace exodus {

// Reads a reports CSV; throws InputErrors listing every bad row (file, line, field).
ReportSet read_reports(const TextFile& file);

}  // namespace exodus
