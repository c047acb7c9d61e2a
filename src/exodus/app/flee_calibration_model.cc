#include "exodus/app/flee_calibration_model.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "exodus/app/flee_run.h"
#include "exodus/io/flee/flee_world_builder.h"

namespace exodus {

ParameterPrior flee_discrepancy_prior() {
  ParameterPrior p;
  p.address = "discrepancy[camp population]";
  p.shape = PriorShape::kLogNormal;
  p.center = 0.3;
  p.spread = 0.7;
  p.lower = 0.01;
  p.upper = 5;
  p.reasoning = "the model's own error for a camp's population on the log scale: a median of 30%, "
                "from 9% to 95% within 90% of the prior (an assumption)";
  return p;
}

FleeCalibrationModel::FleeCalibrationModel(FleeInputs inputs, std::string case_name, std::vector<ParameterPrior> priors,
                                           std::int32_t fit_days, const WorkerPool& pool,
                                           const std::atomic<bool>* stop)
    : inputs_(std::move(inputs)), case_name_(std::move(case_name)), world_(build_flee_world(inputs_, case_name_)),
      priors_(std::move(priors)), fit_days_(std::min(fit_days, world_.days)), pool_(pool), stop_(stop) {
  const FleeWorld& world = world_;
  if (!world.has_validation() || world.camps.empty())
    throw std::invalid_argument("a Flee calibration needs the case's validation data for its camps");
  if (fit_days_ < 1) throw std::invalid_argument("a Flee calibration needs at least one day of data to fit");
  for (const auto& p : priors_) {
    const FleeSetting* s = find_flee_setting(p.address);
    if (!s) throw std::invalid_argument(fmt::format("{} is not a Flee setting (simsetting.yml's section.key)", p.address));
    if (s->integer()) throw std::invalid_argument(fmt::format("{} takes whole numbers: it cannot be calibrated", p.address));
    if (p.lower < s->lower() || p.upper > s->upper() || !s->allows(p.lower) || !s->allows(p.upper))
      throw std::invalid_argument(fmt::format("the prior of {} reaches outside the setting's range", p.address));
    settings_.push_back(s);
  }
  priors_.push_back(flee_discrepancy_prior());
  for (std::int32_t d = fit_days_ - 1; d >= 0; d -= 7) days_.push_back(d);
  std::reverse(days_.begin(), days_.end());
  for (std::size_t c = 0; c < world.camps.size(); ++c)
    if (world.camp_series[c] >= 0) observed_camps_.push_back(c);
  if (observed_camps_.empty()) throw std::invalid_argument("a Flee calibration needs validation data for some camp");
  for (const auto d : days_)
    for (const auto c : observed_camps_) {
      const auto& series = world.series[static_cast<std::size_t>(world.camp_series[c])];
      log_data_.push_back(std::log1p(static_cast<double>(series.daily[static_cast<std::size_t>(d)])));
    }
}

FleeWorld FleeCalibrationModel::member_world(std::span<const double> x, std::int32_t days) const {
  FleeInputs in = inputs_;
  for (std::size_t i = 0; i < settings_.size(); ++i) {
    const auto& s = *settings_[i];
    s.set(in.settings, std::clamp(value_of(priors_[i], x[i]), s.lower(), s.upper()));
  }
  FleeWorld w = build_flee_world(in, case_name_);
  w.days = std::min(days, w.days);
  return w;
}

FleeRunResult FleeCalibrationModel::run_member(std::span<const double> x, std::int32_t days, std::uint64_t seed) const {
  FleeRunOptions o;
  o.seed = seed;
  o.threads = 1;  // members run side by side, one thread each
  o.stop = stop_;
  return run_flee(member_world(x, days), o);
}

void FleeCalibrationModel::simulate(std::span<const SmcSimulation> jobs) {
  make_slots_for(slots_, jobs);
  pool_.for_blocks(jobs.size(), 1, [&](std::size_t begin, std::size_t end) {
    for (std::size_t k = begin; k < end; ++k) {
      const auto& job = jobs[k];
      const FleeRunResult run = run_member(job.x, fit_days_, job.seed);
      Slot& slot = *slots_[job.slot];
      slot.log_sim.clear();
      for (const auto d : days_)
        for (const auto c : observed_camps_) {
          const auto day = static_cast<std::size_t>(d);
          const double sim = day < run.table.sim.size() ? static_cast<double>(run.table.sim[day][c]) : 0.0;
          slot.log_sim.push_back(std::log1p(sim));
        }
    }
  });
}

std::vector<CampTable> FleeCalibrationModel::run_full(const std::vector<std::vector<double>>& x,
                                                      const std::vector<std::uint64_t>& seeds) const {
  if (x.size() != seeds.size()) throw std::invalid_argument("run_full: one seed per member");
  std::vector<CampTable> runs(x.size());
  pool_.for_blocks(x.size(), 1, [&](std::size_t begin, std::size_t end) {
    for (std::size_t m = begin; m < end; ++m) runs[m] = run_member(x[m], world_.days, seeds[m]).table;
  });
  return runs;
}

double FleeCalibrationModel::log_likelihood(std::size_t slot, std::span<const double> x) const {
  const Slot& s = *slots_[slot];
  if (s.log_sim.size() != log_data_.size()) return -std::numeric_limits<double>::infinity();
  const double sd = std::exp(x[settings_.size()]);
  double ll = 0;
  for (std::size_t i = 0; i < log_data_.size(); ++i) {
    const double z = (log_data_[i] - s.log_sim[i]) / sd;
    ll += -0.5 * z * z - std::log(sd);
  }
  return ll;
}

void FleeCalibrationModel::copy_slot(std::size_t from, std::size_t to) {
  if (slots_.size() <= to) slots_.resize(to + 1);
  slots_[to] = std::make_unique<Slot>(*slots_[from]);
}

void FleeCalibrationModel::swap_slots(std::size_t a, std::size_t b) { std::swap(slots_[a], slots_[b]); }

}  // namespace exodus
