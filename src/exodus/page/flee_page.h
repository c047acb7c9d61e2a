#pragma once
// The report page of a Flee case's run (exodus run --flee, or a case by name): each camp's
// simulated population against its data, the total in camps, and the validation error per day
// (Flee's E(t), score/flee_score). Reads out.csv and manifest.json.
#include <filesystem>

#include "exodus/page/output_folder.h"
#include "exodus/page/page_html.h"

namespace exodus {

Page flee_page(const OutputFolder& folder);

}  // namespace exodus
