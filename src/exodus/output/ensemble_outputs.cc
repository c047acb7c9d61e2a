#include "exodus/output/inputs_json.h"
#include "exodus/output/ensemble_outputs.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "exodus/core/csv.h"
#include "exodus/output/forecast_summary.h"
#include "exodus/output/interval_json.h"
#include "exodus/output/json_text.h"

namespace exodus {

using nlohmann::json;

namespace {

std::string intervals_include(const EnsembleResult& e) {
  return e.prior ? "the parameters drawn from their priors (not fitted to any report), each run's randomness, and the "
                   "model's discrepancy drawn from its prior"
                 : "each run's randomness alone, with the scenario's values: not what the scenario does not know, nor "
                   "how far the model is from the world (exodus run --prior or exodus calibrate for those)";
}

}  // namespace

std::string ensemble_members_csv(const EnsembleResult& e) {
  std::string out = "member,run_seed,ran";
  for (const auto& p : e.priors) out += "," + csv_field(p.address);
  out += "\n";
  for (std::size_t m = 0; m < e.run_seed.size(); ++m) {
    out += fmt::format("{},{},{}", m, e.run_seed[m], e.ran[m] ? "true" : "false");
    for (const double v : e.values[m]) out += fmt::format(",{:.8g}", v);
    out += "\n";
  }
  return out;
}

std::string ensemble_summary_json(const EnsembleResult& e) {
  json parameters = json::array();
  for (std::size_t d = 0; d < e.priors.size(); ++d) {
    const auto& p = e.priors[d];
    parameters.push_back({{"parameter", p.address},
                          {"prior", {{"shape", to_string(p.shape)}, {"center", p.center}, {"spread", p.spread},
                                     {"lower", p.lower}, {"upper", p.upper}}},
                          {"drawn", interval_json(e.drawn[d])},
                          {"reasoning", p.reasoning}});
  }
  std::size_t compared = 0;
  json flagged = json::array();
  for (const auto& f : e.fits) {
    compared += f.used;
    if (f.flagged) flagged.push_back({{"id", e.reports.reports[f.report].id}, {"tail_probability", f.tail}});
  }
  std::size_t ran = 0;
  for (const bool r : e.ran) ran += r;
  const json summary = {
      {"scenario", e.scenario},
      {"members", e.run_seed.size()},
      {"members_ran", ran},
      {"members_refused_by_limit", e.refused_by_limit},
      {"seeds", fmt::format("member m runs with seed {} + m", e.seed)},
      {"parameters_from", e.prior ? "priors" : "scenario"},
      {"parameters", parameters},
      {"totals", totals_json(e.totals)},
      {"reports", {{"compared", compared}, {"of", e.reports.reports.size()}, {"flagged", flagged}}},
      {"intervals_include", intervals_include(e)},
      {"seconds", e.seconds}};
  return json_text(summary);
}

std::string ensemble_manifest_json(const EnsembleResult& e, const RunIdentity& id) {
  json m = {{"exodus_version", EXODUS_VERSION},
                  {"verb", "run"},
                  {"ensemble", e.prior ? "prior" : "seeds"},
                  {"scenario", e.scenario},
                  {"folder", id.settings_origin},
                  {"members", e.run_seed.size()}};
  m.update(member_run_identity_json(id));
  return json_text(m);
}

std::string ensemble_table(const EnsembleResult& e) {
  std::string out = totals_table(e.totals, "departures");
  if (!e.fits.empty()) out += misfits_table(e.reports, e.fits, "report");
  std::size_t ran = 0;
  for (const bool r : e.ran) ran += r;
  out += fmt::format("\n  {} members ran ({} over --max-agents), {:.1f} s\n", ran, e.refused_by_limit, e.seconds);
  out += "  intervals include " + intervals_include(e) + "\n";
  return out;
}

}  // namespace exodus
