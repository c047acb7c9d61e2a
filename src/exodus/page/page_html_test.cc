#include "exodus/page/page_html.h"

#include <gtest/gtest.h>

#include <string>

namespace exodus {
namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

Page two_charts() {
  Page page;
  page.title = "a <run> & more";
  page.header = {{"seed", "1"}};
  nlohmann::json config = {{"type", "line"}, {"data", {{"labels", {"2022-09-21"}}, {"datasets", nlohmann::json::array()}}}};
  page.charts.push_back({"Flows", "Entries", "a note", "entries", config});
  // A place name that would end the script element if written as it is.
  config["data"]["datasets"].push_back({{"label", "</script><b>bold</b>"}, {"data", {1}}});
  page.charts.push_back({"Borders", "Queue", "", "queue", config});
  return page;
}

TEST(Page, InlinesTheLibraryAndTheDataAndFetchesNothing) {
  const std::string html = page_html(two_charts());
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
  EXPECT_NE(html.find("\\u003c/script\\u003e\\u003cb\\u003ebold\\u003c/b\\u003e"), std::string::npos);
  EXPECT_NE(html.find("<meta name=\"generator\" content=\"exodus report\">"), std::string::npos);
}

// The text of the page's data script: from its start tag to the first "</script" after it.
std::string data_script(const std::string& html) {
  const std::string start = "<script id=\"exodus-data\" type=\"application/json\">";
  const auto from = html.find(start);
  if (from == std::string::npos) return "";
  const auto begin = from + start.size();
  return html.substr(begin, html.find("</script", begin) - begin);
}

// Text that looks like markup, in every place a page takes text: after "<!--<script>", a
// browser would not end the data script at its "</script>", and the drawing code would be read
// as data, leaving every chart undrawn.
TEST(Page, TextThatLooksLikeMarkupCannotEndOrSwallowAScript) {
  const std::string nasty = "<!--<script>alert(1)</script>--> & \"quoted\" 'single' </SCRIPT";
  Page page;
  page.title = nasty;
  page.header = {{nasty, nasty}};
  const nlohmann::json config = {
      {"type", "line"},
      {"data", {{"labels", {nasty}}, {"datasets", {{{"label", nasty}, {"data", {1}}}}}}},
      {"options", {{"plugins", {{"title", {{"text", nasty}}}, {"asOf", {{"date", nasty}, {"text", nasty}}}}}}}};
  const nlohmann::json map = {{"dates", {"2022-09-21", nasty}}, {"day", 0}, {"links", {{{"name", nasty}}}}};
  page.charts.push_back({nasty, nasty, nasty, nasty, config});
  page.charts.push_back({"Maps", nasty, nasty, "map", config, 340, map});
  const std::string html = page_html(page);

  // The page's own three scripts, each ended where it should be, and no comment anywhere.
  EXPECT_EQ(count(html, "<!--"), 0u);
  EXPECT_EQ(count(html, "<script"), 3u);
  EXPECT_EQ(count(html, "</script"), 3u);
  EXPECT_EQ(count(html, "</SCRIPT"), 0u);
  // The data holds no '<', '>' or '&' as itself...
  const std::string data = data_script(html);
  ASSERT_FALSE(data.empty());
  for (const char c : {'<', '>', '&'}) EXPECT_EQ(data.find(c), std::string::npos) << c;
  EXPECT_NE(data.find("\\u003c!--\\u003cscript\\u003e"), std::string::npos);
  // ...and reads back as every string it was given.
  const auto parsed = nlohmann::json::parse(data);
  ASSERT_EQ(parsed["charts"].size(), 2u);
  const auto& first = parsed["charts"][0];
  EXPECT_EQ(first["file"], nasty);
  EXPECT_EQ(first["config"], config);
  EXPECT_EQ(first["config"]["data"]["labels"][0], nasty);
  EXPECT_EQ(first["config"]["data"]["datasets"][0]["label"], nasty);
  EXPECT_EQ(parsed["charts"][1]["map"], map);
  // In the HTML, titles, notes, sections and the header are escaped text.
  const std::string escaped = "&lt;!--&lt;script&gt;alert(1)&lt;/script&gt;--&gt; &amp; &quot;quoted&quot; &#39;single&#39; &lt;/SCRIPT";
  EXPECT_EQ(count(html, "<title>" + escaped + "</title>"), 1u);
  EXPECT_EQ(count(html, "<h1>" + escaped + "</h1>"), 1u);
  EXPECT_EQ(count(html, "<dt>" + escaped + "</dt><dd>" + escaped + "</dd>"), 1u);
  EXPECT_EQ(count(html, "<h2>" + escaped + "</h2>"), 1u);
  EXPECT_EQ(count(html, "<h3>" + escaped + "</h3>"), 2u);
  EXPECT_EQ(count(html, "<p>" + escaped + "</p>"), 2u);
  EXPECT_EQ(count(html, "aria-label=\"" + escaped + "\""), 2u);
}

// A page whose drawing script never runs (scripts off, or a script broken) must not look like a
// page with nothing wrong: the status says the charts were not drawn until the script says more.
TEST(Page, TheStatusSaysTheChartsWereNotDrawnUntilTheScriptRuns) {
  const std::string html = page_html(two_charts());
  const auto at = html.find("<div id=\"exodus-status\"");
  ASSERT_NE(at, std::string::npos);
  const std::string status = html.substr(at, html.find("</div>", at) - at);
  EXPECT_NE(status.find("data-charts=\"2\" data-drawn=\"0\" data-errors=\"0\">"), std::string::npos) << status;
  EXPECT_NE(status.find("The charts were not drawn: the page's drawing script did not run"), std::string::npos) << status;
  // Where a reader looks first: above the charts.
  EXPECT_LT(at, html.find("<canvas"));
  // The drawing script counts what did not draw and writes it there.
  EXPECT_NE(html.find("' charts did not draw.'"), std::string::npos);
  // A page of no charts has nothing to draw, and says nothing.
  EXPECT_NE(page_html(Page{}).find("data-charts=\"0\" data-drawn=\"0\" data-errors=\"0\"></div>"), std::string::npos);
}

TEST(Page, GroupsChartsBySection) {
  const std::string html = page_html(two_charts());
  EXPECT_EQ(count(html, "<section>"), 2u);
  EXPECT_LT(html.find("<h2>Flows</h2>"), html.find("<h2>Borders</h2>"));
}

}  // namespace
}  // namespace exodus
