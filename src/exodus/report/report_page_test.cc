#include "exodus/report/report_page.h"

#include <gtest/gtest.h>

#include <string>

namespace exodus {
namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

ReportPage two_charts() {
  ReportPage page;
  page.title = "a <run> & more";
  page.header = {{"seed", "1"}};
  nlohmann::json config = {{"type", "line"}, {"data", {{"labels", {"2022-09-21"}}, {"datasets", nlohmann::json::array()}}}};
  page.charts.push_back({"Flows", "Entries", "a note", "entries", config});
  // A place name that would end the script element if written as it is.
  config["data"]["datasets"].push_back({{"label", "</script><b>bold</b>"}, {"data", {1}}});
  page.charts.push_back({"Borders", "Queue", "", "queue", config});
  return page;
}

TEST(ReportPage, InlinesTheLibraryAndTheDataAndFetchesNothing) {
  const std::string html = report_html(two_charts());
  EXPECT_NE(html.find(std::string(chart_js_library().substr(0, 200))), std::string::npos);
  EXPECT_GT(chart_js_library().size(), 100000u);
  EXPECT_EQ(count(html, "<canvas"), 2u);
  EXPECT_NE(html.find("data-charts=\"2\""), std::string::npos);
  // Nothing is loaded from elsewhere: no script, style, image or frame by address.
  for (const char* outside : {"<script src", "<link", "<img", "<iframe", "@import", "fetch("}) EXPECT_EQ(html.find(outside), std::string::npos) << outside;
  // Text is escaped in the page and in its data.
  EXPECT_NE(html.find("a &lt;run&gt; &amp; more"), std::string::npos);
  const std::size_t library_scripts = count(std::string(chart_js_library()), "</script");
  EXPECT_EQ(library_scripts, 0u);
  EXPECT_EQ(count(html, "</script>"), 3u);  // the library, the data, the drawing code
  EXPECT_NE(html.find("<\\/script><b>bold<\\/b>"), std::string::npos);
  EXPECT_NE(html.find("<meta name=\"generator\" content=\"exodus report\">"), std::string::npos);
}

TEST(ReportPage, GroupsChartsBySection) {
  const std::string html = report_html(two_charts());
  EXPECT_EQ(count(html, "<section>"), 2u);
  EXPECT_LT(html.find("<h2>Flows</h2>"), html.find("<h2>Borders</h2>"));
}

}  // namespace
}  // namespace exodus
