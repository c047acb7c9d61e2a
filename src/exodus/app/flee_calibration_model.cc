#include "exodus/app/flee_calibration_model.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "exodus/app/flee_run.h"
#include "exodus/dist/camp_table_bytes.h"
#include "exodus/dist/member_jobs.h"
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
  p.reasoning = "the model's own error for a camp's population on the likelihood's log(x + f) scale (f: the mean "
                "observed camp on the as-of day): a median of 0.3, from 0.09 to 0.95 within 90% of the prior (an "
                "assumption)";
  return p;
}

FleeCalibrationModel::FleeCalibrationModel(FleeInputs inputs, std::string case_name, std::vector<ParameterPrior> priors,
                                           std::int32_t fit_days, const WorkerPool& pool,
                                           const std::atomic<bool>* stop, RankFarm* farm)
    : inputs_(std::move(inputs)), case_name_(std::move(case_name)), world_(build_flee_world(inputs_, case_name_)),
      priors_(std::move(priors)), fit_days_(std::min(fit_days, world_.days)), pool_(pool), stop_(stop), farm_(farm) {
  const FleeWorld& world = world_;
  if (!world.has_validation() || world.camps.empty())
    throw std::invalid_argument("a Flee calibration needs the case's validation data for its camps");
  if (fit_days_ < 1) throw std::invalid_argument("a Flee calibration needs at least one day of data to fit");
  for (const auto& p : priors_) {
    const FleeSetting* s = find_flee_setting(p.address);
    if (!s) throw std::invalid_argument(fmt::format("{} is not a Flee setting (simsetting.yml's section.key)", p.address));
    // A whole number is the prior's value rounded: the prior may reach half a unit past the range.
    const bool inside_range = s->integer() ? p.lower >= s->lower() - 0.5 && p.upper <= s->upper() + 0.5
                                     : p.lower >= s->lower() && p.upper <= s->upper() && s->allows(p.lower) && s->allows(p.upper);
    if (!inside_range)
      throw std::invalid_argument(fmt::format("the prior of {} reaches outside the setting's range [{}, {}]{}", p.address,
                                              s->lower(), s->upper(), s->integer() ? " (give or take half a unit)" : ""));
    settings_.push_back(s);
  }
  priors_.push_back(flee_discrepancy_prior());
  for (std::int32_t d = fit_days_ - 1; d >= 0; d -= 7) days_.push_back(d);
  std::reverse(days_.begin(), days_.end());
  for (std::size_t c = 0; c < world.camps.size(); ++c) {
    camp_names_.push_back(world.graph.location(world.camps[c]).name);
    if (world.camp_series[c] >= 0) observed_camps_.push_back(c);
  }
  if (observed_camps_.empty()) throw std::invalid_argument("a Flee calibration needs validation data for some camp");
  // The floor: the mean observed camp's population on the last fitted day (known by then).
  const auto last = static_cast<std::size_t>(fit_days_ - 1);
  double in_camps = 0;
  for (const auto c : observed_camps_)
    in_camps += static_cast<double>(world.series[static_cast<std::size_t>(world.camp_series[c])].daily[last]);
  floor_ = std::max(1.0, in_camps / static_cast<double>(observed_camps_.size()));
  for (const auto d : days_)
    for (const auto c : observed_camps_) {
      const auto& series = world.series[static_cast<std::size_t>(world.camp_series[c])];
      log_data_.push_back(std::log(static_cast<double>(series.daily[static_cast<std::size_t>(d)]) + floor_));
    }
}

double FleeCalibrationModel::setting_value(std::size_t i, std::span<const double> x) const {
  const auto& s = *settings_[i];
  return s.value_from(value_of(priors_[i], x[i]));
}

FleeWorld FleeCalibrationModel::member_world(std::span<const double> x, std::int32_t days) const {
  FleeInputs in = inputs_;
  for (std::size_t i = 0; i < settings_.size(); ++i) settings_[i]->set(in.settings, setting_value(i, x));
  // Flee makes a place people barely leave a camp: a member whose settings did so would have
  // other camps than the data (and the builder would refuse the data as incomplete).
  constexpr const char* kWhy = "a member's settings change which places are camps (a move chance below 0.005 makes a place "
                               "a camp in Flee's rules): bound the move chances' priors at 0.005";
  FleeWorld w;
  try {
    w = build_flee_world(in, case_name_);
  } catch (const std::exception& e) {
    throw std::invalid_argument(fmt::format("{} ({})", kWhy, e.what()));
  }
  if (w.camps != world_.camps) throw std::invalid_argument(kWhy);
  w.days = std::min(days, w.days);
  return w;
}

FleeRunResult FleeCalibrationModel::run_alone(const FleeWorld& world, std::uint64_t seed) const {
  FleeRunOptions o;
  o.seed = seed;
  o.threads = 1;  // runs go side by side, one thread each
  o.stop = stop_;
  return run_flee(world, o);
}

FleeRunResult FleeCalibrationModel::run_member(std::span<const double> x, std::int32_t days, std::uint64_t seed) const {
  return run_alone(member_world(x, days), seed);
}

void FleeCalibrationModel::simulate(std::span<const SmcSimulation> jobs) {
  run_jobs(sampling_jobs(jobs));
}

void FleeCalibrationModel::run_into(Slot& slot, std::span<const double> x, std::uint64_t seed, bool full) const {
  if (full) {
    slot.full = run_member(x, world_.days, seed).table;
    return;
  }
  const FleeRunResult run = run_member(x, fit_days_, seed);
  slot.log_sim.clear();
  for (const auto d : days_)
    for (const auto c : observed_camps_) {
      const auto day = static_cast<std::size_t>(d);
      const double sim = day < run.table.sim.size() ? static_cast<double>(run.table.sim[day][c]) : 0.0;
      slot.log_sim.push_back(std::log(sim + floor_));
    }
}

void FleeCalibrationModel::run_jobs(const MemberJobList& list) {
  make_slots_for(slots_, list.slots);
  const auto& jobs = list.jobs;
  run_member_jobs(
      farm_, pool_, jobs, [&](std::size_t k) { run_into(*slots_[list.slots[k]], jobs[k].x, jobs[k].seed, jobs[k].full); },
      [&](std::size_t k, std::span<const std::byte> bytes) { accept_result(*slots_[list.slots[k]], bytes); });
}

void FleeCalibrationModel::share_members(const std::string& fingerprint) {
  share_member_jobs(farm_, fingerprint, pool_, settings_.size(), [&](const MemberJob& job) {
    Slot slot;
    run_into(slot, job.x, job.seed, job.full);
    return result_bytes(slot, job.full);
  });
}

std::vector<std::byte> FleeCalibrationModel::result_bytes(const Slot& slot, bool full) {
  ByteWriter w;
  w.put<std::uint8_t>(full ? 1 : 0);
  if (full) put_camp_table(w, slot.full);
  else w.put_vector(std::span<const double>(slot.log_sim));
  return std::move(w.bytes());
}

void FleeCalibrationModel::accept_result(Slot& slot, std::span<const std::byte> bytes) const {
  // The state run_into leaves, from what the worker sent.
  ByteReader r(bytes);
  if (r.get<std::uint8_t>() != 0) {
    slot.full = get_camp_table(r, camp_names_);
    return;
  }
  slot.log_sim = r.get_vector<double>();
  if (slot.log_sim.size() != log_data_.size()) throw std::runtime_error("a rank sent the camp-days of another model");
}

std::vector<CampTable> FleeCalibrationModel::run_full(const std::vector<std::vector<double>>& x,
                                                      const std::vector<std::uint64_t>& seeds) {
  run_jobs(full_jobs(x, seeds));
  std::vector<CampTable> runs(x.size());
  for (std::size_t m = 0; m < x.size(); ++m) runs[m] = std::move(slots_[m]->full);
  return runs;
}

std::vector<CampTable> FleeCalibrationModel::run_case_settings(const std::vector<std::uint64_t>& seeds) const {
  std::vector<CampTable> runs(seeds.size());
  pool_.for_blocks(seeds.size(), 1, [&](std::size_t begin, std::size_t end) {
    for (std::size_t k = begin; k < end; ++k) runs[k] = run_alone(world_, seeds[k]).table;
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
