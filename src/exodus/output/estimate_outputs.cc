#include "exodus/output/inputs_json.h"
#include "exodus/output/estimate_outputs.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

#include "exodus/core/csv.h"
#include "exodus/core/digit_grouping.h"
#include "exodus/output/interval_json.h"
#include "exodus/output/json_text.h"
#include "exodus/world/places.h"

namespace exodus {

using nlohmann::json;

namespace {
std::string fmt_interval(const Interval& i) {
  return fmt::format("{:.6g},{:.6g},{:.6g},{:.6g},{:.6g}", i.median, i.lo50, i.hi50, i.lo90, i.hi90);
}
}  // namespace

std::string estimate_daily_csv(const EstimateResult& r) {
  std::string out = "date,day,days_from_shock,corridor,quantity,median,lo50,hi50,lo90,hi90,basis\n";
  const auto& L = r.layout;
  for (std::size_t t = 0; t < static_cast<std::size_t>(L.days); ++t)
    for (int q = 0; q < kFlowQuantities; ++q)
      for (std::size_t k = 0; k <= L.corridor_count(); ++k)
        out += fmt::format("{},{},{},{},{},{},{}\n", (L.start + static_cast<std::int32_t>(t)).iso(), t,
                           static_cast<int>(t) - L.shock_day,
                           csv_field(k < L.corridor_count() ? L.corridors[k].name : kAllPlaces, true),
                           to_string(static_cast<FlowQuantity>(q)), fmt_interval(r.daily[static_cast<std::size_t>(q)][k][t]),
                           to_string(r.support.basis[k][t]));
  return out;
}



std::string estimate_summary_json(const ReportSet& reports, const EstimateResult& r) {
  const auto& L = r.layout;
  json totals = json::array();
  for (const auto& t : r.totals)
    totals.push_back({{"total", t.label},
                      {"corridor", t.corridor < L.corridor_count() ? L.corridors[t.corridor].name : kAllPlaces},
                      {"days", t.days},
                      {"extrapolated_days", t.extrapolated_days},
                      {"interval", interval_json(t.interval)}});
  json flagged = json::array();
  for (const auto& f : r.fits)
    if (f.flagged)
      flagged.push_back({{"id", reports.reports[f.report].id}, {"tail_probability", f.tail},
                         {"judged_by", r.laplace_only ? "the Laplace approximation (it may be the approximation that fails)"
                                                      : "the posterior (NUTS)"}});
  const auto ids = [&](const std::vector<std::size_t>& rs) {
    json a = json::array();
    for (const auto i : rs) a.push_back(reports.reports[i].id);
    return a;
  };
  json corridors = json::array();
  for (std::size_t k = 0; k < L.corridor_count(); ++k) {
    const auto& c = L.corridors[k];
    const auto& sup = r.support.corridors[k];
    const bool known_ordinary = c.ordinary_per_day > 0;
    corridors.push_back(
        {{"corridor", c.name}, {"named_by_reports", c.named},
         {"level_set_by", to_string(sup.kind())}, {"own_reports", ids(sup.own)}, {"aggregate_reports", ids(sup.aggregate)},
         {"onward_share", c.onward_share}, {"onward_days", c.onward_days}, {"return_share", c.return_share},
         {"return_days", c.return_days},
         {"ordinary_per_day_prior",
          {{"median", known_ordinary ? c.ordinary_per_day : std::round(std::exp(r.priors.ordinary_log_mean))},
           {"from", known_ordinary ? "the scenario's baselines" : "the generic prior (log-normal)"}}},
         {"capacity_per_day_prior", c.capacity_per_day > 0 ? json(c.capacity_per_day) : json(nullptr)}});
  }
  const auto covered = r.support.covered_through;
  const auto& d = r.diagnostics;
  const auto& smp = r.sampler;
  const json summary = {
      {"start", r.layout.start.iso()},
      {"shock", (r.layout.start + r.layout.shock_day).iso()},
      {"days", r.layout.days},
      {"reports_cover_to", covered >= 0 ? json((r.layout.start + covered).iso()) : json(nullptr)},
      {"after_the_reports",
       fmt::format("days after reports_cover_to are extrapolated: leavers' flows there rest on the prior alone "
                   "(after a {}-day surge they decay back, half-life {} days: an assumption, not a report)",
                   r.priors.surge_days, r.priors.post_surge_half_life_days)},
      {"corridors", corridors},
      {"sources_with_bias", r.sources},
      {"totals", totals},
      {"flagged_reports", flagged},
      {"trustworthy", r.ok()},
      {"sampler",
       {{"method", smp.used ? "Stan NUTS (adapt_diag_e_nuts), preconditioned by the Laplace approximation" : "none"},
        {"chains", smp.chains}, {"draws", smp.draws}, {"max_rhat", smp.max_rhat}, {"min_ess", smp.min_ess},
        {"divergences", smp.divergences}, {"mean_tree_depth", smp.mean_tree_depth}, {"seconds", smp.seconds},
        {"wide_directions", smp.wide_directions}, {"retried", smp.retried},
        {"ok", smp.ok}, {"problem", smp.problem}}},
      {"diagnostics",
       {{"method", "Laplace approximation at the posterior mode (NLopt L-BFGS, Fisher-scoring polish)"},
        {"data_directions", d.data_dimensions}, {"worst_log_density_gap_at_1sd", d.worst_gap},
        {"optimiser", d.optimiser_result}, {"optimiser_evaluations", d.optimiser_evaluations},
        {"gradient_norm", d.gradient_norm}, {"hessian_negative_definite", d.hessian_positive},
        {"importance_effective_draws", d.ess}, {"importance_effective_fraction", d.ess_fraction},
        {"largest_weight", d.max_weight_share}, {"ok", d.ok}, {"problem", d.problem}}},
      {"seconds", r.seconds}};
  return json_text(summary);
}

std::string estimate_manifest_json(const EstimateOptions& o, const RunIdentity& id) {
  const json inputs = inputs_json(id);
  const auto& p = o.priors;
  const json m = {{"exodus_version", EXODUS_VERSION},
                  {"verb", "estimate"},
                  {"command", id.command_line},
                  {"seed", id.seed},
                  {"posterior", o.sample_with_nuts
                                    ? json{{"method", "nuts"}, {"chains", o.nuts.chains}, {"warmup", o.nuts.warmup},
                                           {"samples_per_chain", o.nuts.samples},
                                           {"retries_twice_as_long", o.retries}}
                                    : json{{"method", "laplace"}, {"draws", o.draws}}},
                  {"shock", o.shock.iso()},
                  {"priors",
                   {{"shock_level_mean", p.shock_level_mean}, {"shock_level_sd", p.shock_level_sd},
                    {"quiet_daily_sd", p.quiet_daily_sd},
                    {"surge_daily_sd", p.surge_daily_sd}, {"surge_days", p.surge_days},
                    {"post_surge_half_life_days", p.post_surge_half_life_days},
                    {"post_surge_level", p.post_surge_level},
                    {"corridor_level_sd", p.corridor_level_sd}, {"corridor_drift_sd", p.corridor_drift_sd},
                    {"ordinary_log_mean", p.ordinary_log_mean}, {"ordinary_log_sd", p.ordinary_log_sd},
                    {"knot_step_days", p.knot_step_days},
                    {"known_ordinary_share", p.known_ordinary_share},
                    {"source_bias_sd", p.report_errors.source_bias_sd}, {"count_sd", p.report_errors.count_sd},
                    {"estimate_sd", p.report_errors.estimate_sd},
                    {"claim_sd", p.report_errors.claim_sd}, {"bound_sd", p.report_errors.bound_sd},
                    {"denial_sd", p.report_errors.denial_sd},
                    {"student_nu", p.report_errors.student_nu}}},
                  {"inputs", inputs},
                  {"outputs", id.outputs}};
  return json_text(m);
}

std::string estimate_table(const ReportSet& reports, const EstimateResult& r) {
  const auto num = [](double v) { return grouped(std::llround(v)); };
  const auto& L = r.layout;
  std::string out = fmt::format("\n  {:<44} {:>10} {:>23} {:>23}   {}\n", "leavers (departures)", "median", "50% interval",
                                "90% interval", "set by");
  bool any_extrapolated = false, any_aggregate = false, any_prior = false;
  for (const auto& t : r.totals) {
    std::string set_by = "reports";
    if (t.corridor < L.corridor_count()) {
      const auto kind = r.support.corridors[t.corridor].kind();
      set_by = kind == CorridorSupportKind::kOwnReports ? "its own reports"
             : kind == CorridorSupportKind::kAggregatesOnly ? "sums with others only"
                                                           : "the prior only";
      any_aggregate |= kind == CorridorSupportKind::kAggregatesOnly;
      any_prior |= kind == CorridorSupportKind::kPriorOnly;
    }
    if (t.extrapolated_days > 0) {
      set_by += fmt::format("; {} of {} days extrapolated", t.extrapolated_days, t.days);
      any_extrapolated = true;
    }
    out += fmt::format("  {:<44} {:>10} {:>23} {:>23}   {}\n", t.label, num(t.interval.median),
                       num(t.interval.lo50) + " – " + num(t.interval.hi50), num(t.interval.lo90) + " – " + num(t.interval.hi90),
                       set_by);
  }
  const bool capacities = std::any_of(L.corridors.begin(), L.corridors.end(),
                                      [](const CorridorInfo& c) { return c.capacity_per_day > 0; });
  if (any_extrapolated)
    out += fmt::format("\n  extrapolated: days after {}, the last day a used report covers. There the prior alone carries\n"
                       "    the flows on: after the {:g}-day surge they decay, half-life {:g} days (an assumption, not a report).\n",
                       (L.start + r.support.covered_through).iso(), r.priors.surge_days, r.priors.post_surge_half_life_days);
  if (any_aggregate)
    out += fmt::format("  sums with others only: no used report counts this corridor alone; its share of the sums is the\n"
                       "    prior's{}.\n", capacities ? ", centred on the scenario's capacities" : " (alike for every corridor)");
  if (any_prior) out += "  the prior only: no used report counts this corridor at all.\n";
  out += fmt::format("\n  {:<28} {:<12} {:>10} {:>25} {:>7}\n", "report", "kind", "reported", "model 90% (predictive)", "tail p");
  for (const auto& f : r.fits) {
    const auto& rep = reports.reports[f.report];
    if (!f.used) {
      out += fmt::format("  {:<28} {:<12} {:>10}   not used: {}\n", rep.id, to_string(rep.kind), num(rep.value), f.why_unused);
      continue;
    }
    out += fmt::format("  {:<28} {:<12} {:>10} {:>25} {:>7.3f}{}\n", rep.id, to_string(rep.kind), num(rep.value),
                       num(f.predictive.lo90) + " – " + num(f.predictive.hi90), f.tail,
                       !f.flagged ? "" : r.laplace_only ? "  outside the Laplace approximation" : "  DOES NOT FIT");
  }
  out += "  tail p: the model's chance of a figure at or below the one reported (a lower bound: that it holds;\n"
         "    a denial: that the truth is below the figure denied); below 2.5% or above 97.5%, the report does not fit.\n";
  if (r.laplace_only && std::any_of(r.fits.begin(), r.fits.end(), [](const ReportFit& f) { return f.flagged; }))
    out += "  outside the Laplace approximation: the approximation, not the report, may be what fails (it\n"
           "    under-covers); run without --laplace before doubting the report.\n";
  const auto& d = r.diagnostics;
  if (r.sampler.used)
    out += fmt::format("\n  sampler: NUTS, {} chains, {} draws, R-hat {:.3f}, effective draws {:.0f}, {} divergent, "
                       "mean tree depth {:.1f}, {} directions widened by the pilot, {:.1f} s{}{}",
                       r.sampler.chains, r.sampler.draws, r.sampler.max_rhat, r.sampler.min_ess, r.sampler.divergences,
                       r.sampler.mean_tree_depth, r.sampler.wide_directions, r.sampler.seconds,
                       r.sampler.retried ? " (rerun twice as long after a first run failed its checks)" : "",
                       r.sampler.ok ? "" : " — " + r.sampler.problem);
  out += fmt::format("\n  diagnostics: optimiser {} ({} evaluations), gradient {:.1e}, Gaussian check: worst gap "
                     "{:.2f} nats over {} report directions{}\n",
                     d.optimiser_result, d.optimiser_evaluations, d.gradient_norm, d.worst_gap, d.data_dimensions,
                     d.ok ? "" : " — " + d.problem);
  return out;
}

}  // namespace exodus
