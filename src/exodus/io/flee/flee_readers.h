#pragma once
// Readers for each Flee input file. Each reads one text, appends every problem it finds to
// `errors` (file, line, field) and returns the rows it could read.
#include "exodus/core/error.h"
#include "exodus/core/text_source.h"
#include "exodus/io/flee/flee_inputs.h"

namespace exodus {

std::vector<FleeLocationRow> read_flee_locations(const TextFile& file, ErrorList& errors);
std::vector<FleeRouteRow> read_flee_routes(const TextFile& file, ErrorList& errors);
std::vector<FleeClosureRow> read_flee_closures(const TextFile& file, ErrorList& errors);
FleeConflictTable read_flee_conflicts(const TextFile& file, ErrorList& errors);
// A Length over `max_days` is an error naming the limit and --max-days.
FleeSimPeriod read_flee_sim_period(const TextFile& file, ErrorList& errors,
                                   std::int64_t max_days = InputLimits{}.max_days);
std::vector<FleeCorrectionRow> read_flee_corrections(const TextFile& file, ErrorList& errors);
// One validation series file (`date,count` rows); day offsets are counted from `start`.
std::vector<FleeDataPoint> read_flee_series(const TextFile& file, Date start, int hasten,
                                            ErrorList& errors);
// data_layout.csv and every series it names, read through `folder`.
FleeValidationData read_flee_validation(const FileSource& folder, Date start, int hasten,
                                        ErrorList& errors);
FleeSettings read_flee_settings(const TextFile& file, ErrorList& errors);

// Reads a whole case: the input folder, optionally a validation folder and a settings file
// (Flee's defaults otherwise). Throws InputErrors listing every problem found.
FleeInputs read_flee_case(const FileSource& input, const FileSource* validation,
                          const TextFile* settings, const InputLimits& limits = {});
// The same, adding the problems to `errors` instead of throwing: what was read is returned,
// so the cross-file checks can still run on the files that read cleanly.
FleeInputs read_flee_case(const FileSource& input, const FileSource* validation, const TextFile* settings,
                          const InputLimits& limits, ErrorList& errors);

}  // namespace exodus
