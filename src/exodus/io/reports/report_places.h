#pragma once
// The places a reports file names, held against a scenario's (a destination spelt "Kazakstan"
// would otherwise become a corridor of its own), or, without one, against each other.
#include <string>
#include <vector>

#include "exodus/core/error.h"
#include "exodus/world/reports.h"
#include "exodus/world/scenario.h"

namespace exodus {

// Every destination the scenario lacks (not ALL, one of its destinations or groups), every
// checkpoint it lacks, and every checkpoint named under another destination than the one it
// leads to: errors with file, line and field, and the nearest name the scenario has.
std::vector<InputError> check_report_places(const ReportSet& reports, const Scenario& s);

// Without a scenario: destinations named in one file so alike that they are probably one
// place spelt two ways (e.g. Kazakstan and Kazakhstan), as warnings naming both lines.
std::vector<std::string> near_duplicate_places(const ReportSet& reports);

}  // namespace exodus
