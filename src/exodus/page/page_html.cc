#include "exodus/page/page_html.h"

#include <fmt/format.h>

namespace exodus {

namespace {

// Text in an element or a double- or single-quoted attribute.
std::string html_escaped(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

// JSON to inline in a <script> element. A browser ends the element at "</script" and reads
// "<!--" and "<script" inside it as markup (after "<!--<script>", even "</script>" no longer
// ends it, and the page's drawing code becomes part of the data), whatever quotes they stand in;
// so no '<', '>' or '&' is written as itself: each is its JSON escape, \u003c, \u003e or
// \u0026, which JSON.parse reads back as the character. Text that is not UTF-8 is written with
// U+FFFD in place of the bytes that are not, rather than failing the page.
std::string script_safe_json(const nlohmann::json& j) {
  const std::string text = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '<': out += "\\u003c"; break;
      case '>': out += "\\u003e"; break;
      case '&': out += "\\u0026"; break;
      default: out += c;
    }
  }
  return out;
}

// What the status element says until the drawing script replaces it.
constexpr std::string_view kNotDrawn =
    "The charts were not drawn: the page's drawing script did not run (scripts turned off, or the page damaged).";

constexpr std::string_view kStyle = R"(
body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 1200px; padding: 1em; color: #222; }
header dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; font-size: 0.9em; }
header dt { font-weight: 600; }
header dd { margin: 0; overflow-wrap: anywhere; }
section { margin-top: 2em; }
figure { margin: 1.5em 0; border-top: 1px solid #ddd; padding-top: 0.5em; }
figure h3 { margin: 0.2em 0; font-size: 1.05em; }
figure p { margin: 0.2em 0 0.5em; font-size: 0.85em; color: #555; }
.box { position: relative; height: 340px; }
button { font-size: 0.8em; margin-top: 0.3em; }
.day { display: flex; gap: 1em; align-items: center; font-size: 0.9em; }
.day input { flex: 1; }
#exodus-status { font-size: 0.8em; color: #a00; white-space: pre-wrap; }
)";

// Draws every chart; counts those whose canvas holds pixels; catches script errors. The white
// background plugin makes saved PNGs readable on dark viewers. The status element says, from the
// start, that the charts were not drawn because this script did not run; once it runs it says how
// many did not draw and why, and nothing once every chart drew.
constexpr std::string_view kScript = R"(
(function () {
  const status = document.getElementById('exodus-status');
  const charts = Number(status.dataset.charts);
  const errors = [];
  let drawn = 0;
  const report = function () {
    status.dataset.drawn = String(drawn);
    status.dataset.errors = String(errors.length);
    const lines = [];
    if (drawn < charts) lines.push((charts - drawn) + ' of ' + charts + ' charts did not draw.');
    if (errors.length) lines.push('errors: ' + errors.join('; '));
    status.textContent = lines.join('\n');
  };
  const note = function (message) {
    errors.push(String(message));
    report();
  };
  report();
  window.addEventListener('error', function (e) { note(e.message); });
  const background = {
    id: 'white-background',
    beforeDraw: function (chart) {
      const c = chart.ctx;
      c.save();
      c.fillStyle = '#fff';
      c.fillRect(0, 0, chart.width, chart.height);
      c.restore();
    }
  };
  // The as-of date of a forecast: a dashed line, and the days after it shaded.
  const asOf = {
    id: 'asOf',
    beforeDatasetsDraw: function (chart, args, opts) {
      if (!opts || !opts.date) return;
      const i = chart.data.labels.indexOf(opts.date);
      if (i < 0) return;
      const x = chart.scales.x.getPixelForValue(i), a = chart.chartArea, c = chart.ctx;
      c.save();
      c.fillStyle = 'rgba(0, 0, 0, 0.06)';
      c.fillRect(x, a.top, a.right - x, a.bottom - a.top);
      c.strokeStyle = '#555';
      c.setLineDash([4, 4]);
      c.beginPath();
      c.moveTo(x, a.top);
      c.lineTo(x, a.bottom);
      c.stroke();
      c.fillStyle = '#333';
      c.fillText(opts.text || opts.date, x + 4, a.top + 12);
      c.restore();
    }
  };
  const grouped = function (v) { return Number(v).toLocaleString('en-US', { maximumFractionDigits: 1 }); };
  // A map's place names, beside its regions and destinations.
  const names = {
    id: 'placeNames',
    afterDatasetsDraw: function (chart) {
      const c = chart.ctx;
      c.save();
      c.fillStyle = '#222';
      c.font = '11px system-ui, sans-serif';
      chart.data.datasets.forEach(function (set, k) {
        if (!set.names) return;
        chart.getDatasetMeta(k).data.forEach(function (point, j) { c.fillText(set.data[j].name, point.x + 7, point.y - 5); });
      });
      c.restore();
    }
  };
  // A map on one day: each corridor as wide as its flow (a canvas ignores a zero width, so an
  // empty corridor is drawn clear), each sized place as large as the square root of its value.
  const showDay = function (map, config, day) {
    const sets = config.data.datasets;
    map.links.forEach(function (link) {
      const v = link.values[day], set = sets[link.dataset];
      set.borderWidth = v > 0 ? 0.5 + 14 * v / map.max_flow : 1;
      set.borderColor = v > 0 ? link.colour : 'rgba(0, 0, 0, 0)';
      set.data.forEach(function (p) { p.text = link.name + ': ' + grouped(v) + ' ' + map.flow_unit; });
    });
    map.sized.forEach(function (s) {
      const set = sets[s.dataset];
      set.pointRadius = s.values.map(function (v) { return s.base + (s.max > 0 ? s.scale * Math.sqrt(v[day] / s.max) : 0); });
      set.data.forEach(function (p, j) { p.text = p.name + ': ' + grouped(s.values[j][day]) + ' ' + s.unit; });
    });
    config.options.plugins.title.text = 'Flows on ' + map.dates[day];
  };
  let specs = [];
  try {
    specs = JSON.parse(document.getElementById('exodus-data').textContent).charts;
  } catch (e) {
    note('the charts\' data cannot be read: ' + e.message);
  }
  specs.forEach(function (spec, i) {
    try {
      const canvas = document.getElementById('chart-' + i);
      const config = spec.config;
      config.options = config.options || {};
      config.options.animation = false;
      config.options.maintainAspectRatio = false;
      config.plugins = [background, asOf];
      // Published figures explain themselves in their tooltips; the legend names the run's series.
      config.options.plugins = config.options.plugins || {};
      config.options.plugins.legend = config.options.plugins.legend || {};
      config.options.plugins.legend.labels = {
        filter: function (item, d) {
          const set = d.datasets[item.datasetIndex];
          return !String(set.stack || '').startsWith('figure ') && !String(set.label || '').startsWith('_');
        }
      };
      // Numbers on the value axis read with thousands separators.
      config.options.scales = config.options.scales || {};
      const value = config.options.indexAxis === 'y' ? 'x' : 'y';
      const axis = config.options.scales[value] = config.options.scales[value] || {};
      axis.ticks = axis.ticks || {};
      if (axis.type !== 'logarithmic') axis.ticks.callback = grouped;  // a log axis labels only its decades
      if (spec.map) {
        showDay(spec.map, config, spec.map.day);
        config.plugins.push(names);
        config.options.plugins.tooltip = { callbacks: { label: function (c) { return c.raw.text || c.raw.name || c.dataset.label; } } };
      }
      const chart = new Chart(canvas, config);
      if (spec.map) {
        const slider = document.getElementById('day-' + i), date = document.getElementById('date-' + i);
        date.textContent = spec.map.dates[spec.map.day];
        slider.addEventListener('input', function () {
          const day = Number(slider.value);
          showDay(spec.map, chart, day);  // a chart has data and options, as its configuration does
          date.textContent = spec.map.dates[day];
          chart.update('none');
        });
      }
      const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let inked = false;
      for (let p = 0; p < pixels.length && !inked; p += 4) inked = pixels[p] < 250 || pixels[p + 1] < 250 || pixels[p + 2] < 250;
      if (inked) drawn += 1; else note('chart ' + spec.file + ' drew nothing');
      document.getElementById('save-' + i).addEventListener('click', function () {
        const a = document.createElement('a');
        a.href = chart.toBase64Image('image/png', 1);
        a.download = spec.file + '.png';
        a.click();
      });
    } catch (e) {
      note('chart ' + spec.file + ': ' + e.message);
    }
  });
  report();
})();
)";

}  // namespace

std::string page_html(const Page& page) {
  std::string out = fmt::format("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"generator\" content=\"{}\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n<dl>\n",
                                kReportGenerator, html_escaped(page.title), kStyle, html_escaped(page.title));
  for (const auto& [label, value] : page.header)
    out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", html_escaped(label), html_escaped(value));
  out += "</dl>\n";
  // Replaced by the drawing script when it runs (kScript).
  out += fmt::format("<div id=\"exodus-status\" data-charts=\"{}\" data-drawn=\"0\" data-errors=\"0\">{}</div>\n",
                     page.charts.size(), page.charts.empty() ? "" : kNotDrawn);
  out += "</header>\n";
  nlohmann::json charts = nlohmann::json::array();
  std::string section;
  for (std::size_t i = 0; i < page.charts.size(); ++i) {
    const PageChart& c = page.charts[i];
    if (i == 0 || c.section != section) {
      if (i > 0) out += "</section>\n";
      section = c.section;
      out += fmt::format("<section>\n<h2>{}</h2>\n", html_escaped(section));
    }
    out += fmt::format("<figure>\n<h3>{}</h3>\n<p>{}</p>\n", html_escaped(c.title), html_escaped(c.note));
    if (!c.map.is_null())
      out += fmt::format("<label class=\"day\">Day <input type=\"range\" id=\"day-{}\" min=\"0\" max=\"{}\" value=\"{}\"> <output id=\"date-{}\"></output></label>\n",
                         i, c.map["dates"].size() - 1, c.map["day"].get<std::size_t>(), i);
    out += fmt::format(
        "<div class=\"box\" style=\"height: {}px\"><canvas id=\"chart-{}\" role=\"img\" aria-label=\"{}\"></canvas></div>\n"
        "<button id=\"save-{}\" type=\"button\">Save as PNG</button>\n</figure>\n",
        c.height, i, html_escaped(c.title), i);
    nlohmann::json spec = {{"file", c.file}, {"config", c.config}};
    if (!c.map.is_null()) spec["map"] = c.map;
    charts.push_back(std::move(spec));
  }
  if (!page.charts.empty()) out += "</section>\n";
  out += "<script>\n";
  out += chart_js_library();
  out += "\n</script>\n<script id=\"exodus-data\" type=\"application/json\">";
  out += script_safe_json({{"charts", charts}});
  out += "</script>\n<script>";
  out += kScript;
  out += "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace exodus
