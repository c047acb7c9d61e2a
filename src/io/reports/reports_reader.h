#pragma once
#include "core/error.h"
#include "core/text_source.h"
#include "world/reports.h"

namespace exodus {

// Reads a reports CSV; throws InputErrors listing every bad row (file, line, field).
ReportSet read_reports(const TextFile& file);

}  // namespace exodus
