#include "exodus/app/scenario_member_model.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "exodus/ranks/byte_buffer.h"
#include "exodus/ranks/series_bytes.h"
#include "exodus/observe/run_expectation.h"
#include "exodus/observe/run_likelihood.h"
#include "exodus/run/scenario_member_run.h"

namespace exodus {

ScenarioMemberModel::ScenarioMemberModel(const Scenario& base, std::vector<const Report*> fitted,
                                         const ReportErrors& errors, const WorkerPool& pool, const InputLimits& limits,
                                         const std::atomic<bool>* stop, double people_per_agent, RankFarm* farm)
    : SlottedMemberModel(pool, farm), base_(base), fitted_(std::move(fitted)), errors_(errors), limits_(limits),
      stop_(stop), people_per_agent_(people_per_agent), places_(catalog_of(base)) {
  for (const auto& p : base.priors) {
    priors_.push_back(p);
    values_.emplace_back(base, p.address);
  }
  for (std::size_t i = 0; i < values_.size(); ++i)
    if (values_[i].is_scale()) set_order_.push_back(i);
  for (std::size_t i = 0; i < values_.size(); ++i)
    if (!values_[i].is_scale()) set_order_.push_back(i);
  for (const Report* r : fitted_) {
    const std::string metric = to_string(r->metric);
    auto at = std::find(metrics_.begin(), metrics_.end(), metric);
    if (at == metrics_.end()) {
      metrics_.push_back(metric);
      at = metrics_.end() - 1;
    }
    report_metric_.push_back(values_.size() + static_cast<std::size_t>(at - metrics_.begin()));
  }
  for (const auto& m : metrics_) priors_.push_back(discrepancy_prior(m));
  horizon_ = base.shock_day + 1;
  for (const Report* r : fitted_) horizon_ = std::max(horizon_, r->window_end - base.start_date + 1);
  horizon_ = std::min(horizon_, base.days);
}

Scenario ScenarioMemberModel::member_scenario(std::span<const double> x, bool full) const {
  Scenario s = base_;
  if (!full) {
    s.days = horizon_;
    s.end_date = s.start_date + (horizon_ - 1);
  }
  for (const std::size_t i : set_order_) {
    const double v = std::clamp(value_of(priors_[i], x[i]), values_[i].lower(), values_[i].upper());
    values_[i].set(s, v);
  }
  return s;
}

std::vector<std::byte> ScenarioMemberModel::result_bytes(const Slot& slot, bool full) const {
  ByteWriter w;
  w.put<std::uint8_t>(slot.ran ? 1 : 0);
  if (slot.ran) {
    w.put_vector(std::span<const double>(slot.expected));
    w.put_vector(std::span<const std::uint8_t>(slot.compared));
  }
  w.put<std::uint8_t>(full ? 1 : 0);
  if (full) put_series(w, slot.series);
  return std::move(w.bytes());
}

void ScenarioMemberModel::accept_result(Slot& slot, std::span<const std::byte> bytes) const {
  // The state run_into leaves, from what the worker sent.
  ByteReader r(bytes);
  slot = Slot();
  slot.ran = r.get<std::uint8_t>() != 0;
  if (slot.ran) {
    slot.expected = r.get_vector<double>();
    slot.compared = r.get_vector<std::uint8_t>();
    if (slot.expected.size() != fitted_.size() || slot.compared.size() != fitted_.size())
      throw std::runtime_error("a rank sent the figures of another model");
    slot.figure_log_likelihood.assign(fitted_.size(), 0);
    slot.figure_sd.assign(fitted_.size(), std::numeric_limits<double>::quiet_NaN());
  }
  if (r.get<std::uint8_t>() != 0) slot.series = get_series(r);
}

void ScenarioMemberModel::run_into(Slot& slot, std::span<const double> x, std::uint64_t seed, bool full) const {
  const Scenario s = member_scenario(x, full);
  std::optional<SeriesTable> series = run_scenario_member(s, seed, people_per_agent_, limits_.max_agents, stop_);
  if (!series) {
    slot.ran = false;
    slot.series = SeriesTable();
    return;
  }
  slot.ran = true;
  slot.expected.assign(fitted_.size(), 0);
  slot.compared.assign(fitted_.size(), 0);
  for (std::size_t r = 0; r < fitted_.size(); ++r) {
    const RunExpectation e = expected_in_run(*fitted_[r], places_, s.shock_date, *series);
    slot.expected[r] = e.value;
    slot.compared[r] = e.ok;
  }
  slot.figure_log_likelihood.assign(fitted_.size(), 0);
  slot.figure_sd.assign(fitted_.size(), std::numeric_limits<double>::quiet_NaN());  // none computed yet
  slot.series = std::move(*series);
}

double ScenarioMemberModel::log_likelihood(std::size_t slot, std::span<const double> x) const {
  const Slot& s = this->slot(slot);
  if (!s.ran) return -std::numeric_limits<double>::infinity();
  double ll = 0;
  for (std::size_t r = 0; r < fitted_.size(); ++r)
    if (s.compared[r]) {
      const double sd = std::exp(x[report_metric_[r]]);
      if (!(s.figure_sd[r] == sd)) {
        s.figure_log_likelihood[r] = run_report_log_likelihood(*fitted_[r], s.expected[r], sd, errors_);
        s.figure_sd[r] = sd;
      }
      ll += s.figure_log_likelihood[r];
    }
  return ll;
}

SeriesTable ScenarioMemberModel::layout(std::size_t n) const {
  for (std::size_t m = 0; m < n; ++m)
    if (ran(m)) return series(m);
  return SeriesTable();
}

PosteriorRuns posterior_runs_of(const ScenarioMemberModel& model, const std::vector<std::vector<double>>& x,
                                const std::vector<double>& weights, const Scenario& s, std::uint64_t seed) {
  PosteriorRuns runs;
  runs.metrics = model.discrepancy_metrics();
  runs.places = catalog_of(s);
  runs.shock = s.shock_date;
  runs.seed = seed;
  runs.unfitted_discrepancy = discrepancy_prior("a metric no report fitted");
  const std::size_t S = model.simulated_coordinates();
  for (std::size_t m = 0; m < x.size(); ++m) {
    PosteriorMember pm;
    pm.series = model.ran(m) ? &model.series(m) : nullptr;
    pm.weight = pm.series ? weights[m] : 0;
    for (std::size_t k = 0; k < runs.metrics.size(); ++k) pm.discrepancy.push_back(std::exp(x[m][S + k]));
    runs.members.push_back(std::move(pm));
  }
  return runs;
}

}  // namespace exodus
