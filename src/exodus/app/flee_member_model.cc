#include "exodus/app/flee_member_model.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "exodus/ranks/camp_table_bytes.h"
#include "exodus/io/flee/flee_world_builder.h"
#include "exodus/run/flee_run.h"

namespace exodus {

FleeMemberModel::FleeMemberModel(FleeInputs inputs, std::string case_name, std::vector<ParameterPrior> priors,
                                 std::int32_t fit_days, const WorkerPool& pool, const std::atomic<bool>* stop,
                                 RankFarm* farm)
    : SlottedMemberModel(pool, farm), inputs_(std::move(inputs)), case_name_(std::move(case_name)),
      world_(build_flee_world(inputs_, case_name_)), priors_(std::move(priors)),
      fit_days_(std::min(fit_days, world_.days)), stop_(stop) {
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
  priors_.push_back(camp_discrepancy_prior());
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
  error_ = CampError::with_mean_camp(in_camps / static_cast<double>(observed_camps_.size()));
  for (const auto d : days_)
    for (const auto c : observed_camps_) {
      const auto& series = world.series[static_cast<std::size_t>(world.camp_series[c])];
      log_data_.push_back(error_.scaled(static_cast<double>(series.daily[static_cast<std::size_t>(d)])));
    }
}

double FleeMemberModel::setting_value(std::size_t i, std::span<const double> x) const {
  const auto& s = *settings_[i];
  return s.value_from(value_of(priors_[i], x[i]));
}

FleeWorld FleeMemberModel::member_world(std::span<const double> x, std::int32_t days) const {
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

FleeRunResult FleeMemberModel::run_alone(const FleeWorld& world, std::uint64_t seed) const {
  RunOptions o;
  o.seed = seed;
  o.threads = 1;  // runs go side by side, one thread each
  o.stop = stop_;
  return run_flee(world, o);
}

FleeRunResult FleeMemberModel::run_member(std::span<const double> x, std::int32_t days, std::uint64_t seed) const {
  return run_alone(member_world(x, days), seed);
}

void FleeMemberModel::run_into(Slot& slot, std::span<const double> x, std::uint64_t seed, bool full) const {
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
      slot.log_sim.push_back(error_.scaled(sim));
    }
}

std::vector<std::byte> FleeMemberModel::result_bytes(const Slot& slot, bool full) const {
  ByteWriter w;
  w.put<std::uint8_t>(full ? 1 : 0);
  if (full) put_camp_table(w, slot.full);
  else w.put_vector(std::span<const double>(slot.log_sim));
  return std::move(w.bytes());
}

void FleeMemberModel::accept_result(Slot& slot, std::span<const std::byte> bytes) const {
  // The state run_into leaves, from what the worker sent.
  ByteReader r(bytes);
  if (r.get<std::uint8_t>() != 0) {
    slot.full = get_camp_table(r, camp_names_);
    return;
  }
  slot.log_sim = r.get_vector<double>();
  if (slot.log_sim.size() != log_data_.size()) throw std::runtime_error("a rank sent the camp-days of another model");
}

std::vector<CampTable> FleeMemberModel::take_full_runs(std::size_t n) {
  std::vector<CampTable> runs(n);
  for (std::size_t m = 0; m < n; ++m) runs[m] = std::move(slot(m).full);
  return runs;
}

std::vector<CampTable> FleeMemberModel::run_case_settings(const std::vector<std::uint64_t>& seeds) const {
  std::vector<CampTable> runs(seeds.size());
  pool().for_blocks(seeds.size(), 1, [&](std::size_t begin, std::size_t end) {
    for (std::size_t k = begin; k < end; ++k) runs[k] = run_alone(world_, seeds[k]).table;
  });
  return runs;
}

double FleeMemberModel::log_likelihood(std::size_t slot, std::span<const double> x) const {
  const Slot& s = this->slot(slot);
  if (s.log_sim.size() != log_data_.size()) return -std::numeric_limits<double>::infinity();
  const double sd = std::exp(x[settings_.size()]);
  double ll = 0;
  for (std::size_t i = 0; i < log_data_.size(); ++i) ll += CampError::log_likelihood(log_data_[i], s.log_sim[i], sd);
  return ll;
}

}  // namespace exodus
