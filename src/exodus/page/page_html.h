#pragma once
// One self-contained HTML page of charts: the charting library (Chart.js, compiled in from
// Debian's libjs-chart.js), the data and the code that draws them are all inside the file, so
// it opens offline, from an e-mail, years later. The page fetches nothing.
//
// The page reports on itself for tests and for the reader: an element #exodus-status carries
// data-charts (how many), data-drawn (how many drew pixels on their canvas) and data-errors
// (script errors caught), and says how many charts did not draw and why; until the drawing
// script runs it says that the charts were not drawn, so a page whose script never ran says so.
// Text from the inputs (titles, notes, labels, names) is escaped wherever it is written: in the
// HTML, and in the inlined data, where no '<', '>' or '&' appears as itself. A map chart carries
// a slider (#day-N) that picks the day it shows.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "exodus/output/report_page_mark.h"

namespace exodus {

struct PageChart {
  std::string section;  // charts of one section are shown together, in order
  std::string title;    // what it shows, with units
  std::string note;     // what it counts and where the figures come from
  std::string file;     // the name its PNG is saved under, without extension
  nlohmann::json config;  // a Chart.js configuration (type, data, options)
  int height = 340;       // pixels; a chart of many labelled rows needs more
  // A map (page/flow_map.h): what changes with the day a slider picks. Null for other charts.
  nlohmann::json map = nullptr;
};

// The height a chart of `rows` labelled rows needs to name every one.
inline int height_for_rows(std::size_t rows) { return std::max(340, 60 + 22 * static_cast<int>(rows)); }

struct Page {
  std::string title;
  std::vector<std::pair<std::string, std::string>> header;  // what was run: (label, value)
  std::vector<PageChart> charts;
};

// The page's HTML.
std::string page_html(const Page& page);

// The charting library's source, as compiled in (generated/chart_js.cc).
std::string_view chart_js_library();

}  // namespace exodus
