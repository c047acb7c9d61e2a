#pragma once
// A posterior shaped like a scenario's, for the calibration sampler (infer/smc_sampler), at no
// cost per simulation. 24 coordinates, each N(0, 1) a priori, as a scenario's working scale:
// - 4 curved ridges: a figure y = log(e^a + e^b) + N(0, ridge sd) of a pair (a, b), as a count
//   fed by two causes the figures cannot tell apart (two kinds' hazards, two routes' shares);
// - 8 informed: y = θ + N(0, 0.5), a parameter a figure speaks of directly;
// - 12 unspoken: no figure speaks of them, and the posterior is the prior.
// And per ridge a forecast 5 e^b + 0.1 e^a, a total that leans on one side of its ridge, as a
// destination's leavers after the fitted days lean on one kind of leaver.
// Used by SmcSampler's tests and by bench/smc-ridges.
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "exodus/core/random.h"
#include "exodus/core/interval.h"
#include "exodus/infer/sbc.h"
#include "exodus/infer/smc_sampler.h"

namespace exodus::testing {

class RidgesModel : public SmcModel {
 public:
  static constexpr std::size_t kRidges = 4, kInformed = 8, kUnspoken = 12;
  static constexpr std::size_t kCoordinates = 2 * kRidges + kInformed + kUnspoken;
  static constexpr double kInformedSd = 0.5;
  enum class Kind { kRidge, kInformed, kUnspoken };

  static double ridge_of(double a, double b) { return std::log(std::exp(a) + std::exp(b)); }
  static double forecast_of(std::size_t ridge, const std::vector<double>& x) {
    return 5 * std::exp(x[2 * ridge + 1]) + 0.1 * std::exp(x[2 * ridge]);
  }
  static Kind kind_of(std::size_t d) {
    return d < 2 * kRidges ? Kind::kRidge : d < 2 * kRidges + kInformed ? Kind::kInformed : Kind::kUnspoken;
  }

  // Replicate `rep`'s truth, drawn from the prior, and its figures.
  RidgesModel(std::uint64_t seed, std::uint32_t rep, double ridge_sd) : ridge_sd_(ridge_sd) {
    CounterRng rng(seed, RandomPurpose::kSynthetic, rep, 0);
    for (std::size_t d = 0; d < kCoordinates; ++d) {
      priors_.push_back({0, "x" + std::to_string(d), PriorShape::kNormal, 0, 1, -10, 10, "test"});
      truth_.push_back(standard_normal(rng));
    }
    for (std::size_t r = 0; r < kRidges; ++r)
      figures_.push_back(ridge_of(truth_[2 * r], truth_[2 * r + 1]) + ridge_sd_ * standard_normal(rng));
    for (std::size_t i = 0; i < kInformed; ++i) figures_.push_back(truth_[2 * kRidges + i] + kInformedSd * standard_normal(rng));
  }
  const std::vector<double>& truth() const { return truth_; }

  std::span<const ParameterPrior> priors() const override { return priors_; }
  std::size_t simulated_coordinates() const override { return kCoordinates; }
  // A "simulation" keeps the member's coordinates; the likelihood is exact.
  void simulate(std::span<const SmcSimulation> jobs) override {
    for (const auto& j : jobs) slot(j.slot).assign(j.x.begin(), j.x.end());
  }
  double log_likelihood(std::size_t s, std::span<const double>) const override {
    const auto& x = slots_[s];
    double ll = 0;
    for (std::size_t r = 0; r < kRidges; ++r) {
      const double z = (figures_[r] - ridge_of(x[2 * r], x[2 * r + 1])) / ridge_sd_;
      ll -= 0.5 * z * z;
    }
    for (std::size_t i = 0; i < kInformed; ++i) {
      const double z = (figures_[kRidges + i] - x[2 * kRidges + i]) / kInformedSd;
      ll -= 0.5 * z * z;
    }
    return ll;
  }
  void copy_slot(std::size_t from, std::size_t to) override {
    std::vector<double> copy = slots_[from];  // before slot(to) may grow the vector
    slot(to) = std::move(copy);
  }
  void swap_slots(std::size_t a, std::size_t b) override { std::swap(slot(a), slot(b)); }

 private:
  std::vector<double>& slot(std::size_t i) {
    if (slots_.size() <= i) slots_.resize(i + 1);
    return slots_[i];
  }
  double ridge_sd_;
  std::vector<ParameterPrior> priors_;
  std::vector<std::vector<double>> slots_;
  std::vector<double> truth_, figures_;
};

// Where a calibration of `model` put each truth: coordinates into quantities[0..2] by kind
// (ridge, informed, unspoken), the forecasts into quantities[3].
inline void score_ridges(const RidgesModel& model, const SmcResult& r, SbcQuantity (&quantities)[4], CounterRng& rank_rng) {
  const auto score = [&](SbcQuantity& q, double truth, auto value) {
    std::vector<std::pair<double, double>> draws;
    for (std::size_t m = 0; m < r.x.size(); ++m) draws.emplace_back(value(r.x[m]), r.weights[m]);
    const double rank = sbc_rank(truth, draws, rank_rng);
    q.add_trial(truth, interval_of(draws), rank);
  };
  for (std::size_t d = 0; d < RidgesModel::kCoordinates; ++d)
    score(quantities[static_cast<std::size_t>(RidgesModel::kind_of(d))], model.truth()[d],
          [d](const std::vector<double>& x) { return x[d]; });
  for (std::size_t k = 0; k < RidgesModel::kRidges; ++k)
    score(quantities[3], RidgesModel::forecast_of(k, model.truth()),
          [k](const std::vector<double>& x) { return RidgesModel::forecast_of(k, x); });
}

}  // namespace exodus::testing
