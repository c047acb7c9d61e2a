#pragma once
// A daily chance that changes only on some days (a leaver's daily chance of going home, which
// events scale), and the first day it comes up, drawn at once rather than by a draw every day.
//
// A person facing chance p_t on each day t after day `from` first moves on day m with
// P(m > t) = Π_{s=from+1..t} (1 − p_s) = exp(−(H(t) − H(from))), H the cumulative hazard
// Σ −log(1 − p_s). So m is the first day with H(m) − H(from) ≥ E for one E ~ Exp(1) (inverse
// transform; Devroye 1986, "Non-Uniform Random Variate Generation", §II.2 and §VI.1): the same law
// as a Bernoulli draw each day, at one draw per move. Within a stretch of constant chance p the
// number of days without a move is ⌊E / −log(1 − p)⌋, a geometric draw, so the search walks the
// stretches, not the days.
#include <cmath>
#include <cstdint>
#include <vector>

namespace exodus {

// The hazard −log(1 − p) of a daily chance p: +inf at p ≥ 1, 0 at p ≤ 0.
double daily_hazard(double p);

// An Exp(1) draw from a uniform u in [0, 1) (inverse transform).
inline double exponential_of_unit(double u) { return -std::log1p(-u); }

// The first day after `from` on which a chance of constant hazard `hazard` (daily_hazard)
// comes up, for `exponential` a draw of Exp(1): from + 1 + ⌊E / hazard⌋ days without it, or
// `horizon` when that is not before `horizon`.
std::int32_t first_day_at_constant_hazard(std::int32_t from, double hazard, double exponential,
                                          std::int32_t horizon);

class DailyChance {
 public:
  // The chance p on every day.
  explicit DailyChance(double p = 0);
  // Chance `p` from day `first` on, until the next stretch's first day. Stretches are added in
  // increasing day order; the first must begin at day 0.
  void add_stretch(std::int32_t first, double p);

  // The first day after `from` on which the chance comes up, for `exponential` a draw of
  // Exp(1); `horizon` when that is not before `horizon`. A chance of 1 or more comes up on
  // its stretch's first day, a chance of 0 or less never.
  std::int32_t first_day_after(std::int32_t from, double exponential, std::int32_t horizon) const;

  // The chance on `day`.
  double on(std::int32_t day) const;

 private:
  struct Stretch {
    std::int32_t first;
    double p, hazard;  // hazard: −log(1 − p), +inf at p ≥ 1, 0 at p ≤ 0
  };
  std::vector<Stretch> stretches_;
  // The stretch that holds `day` (day ≥ 0).
  std::vector<Stretch>::const_iterator stretch_of(std::int32_t day) const;
};

}  // namespace exodus
