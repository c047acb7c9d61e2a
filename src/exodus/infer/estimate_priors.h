#pragma once
// The estimate's priors (infer/estimate_model.h reads them): what an estimate's options and
// result name, apart from the model's machinery.
#include "exodus/observe/report_error.h"

namespace exodus {

struct EstimatePriors {
  // Flows are 1000 · softplus(parameter) persons a day (see flows_of): a parameter of 10 is
  // about 10,000 a day, of -3 about 50 a day. The priors below are on that scale.
  double shock_level_mean = 0.0;     // the profile on the day of the shock (~700 a day)
  double shock_level_sd = 8.0;       // (from a few a day to ~16,000 a day per corridor within 2 sd)
  double quiet_daily_sd = 0.3;       // day-to-day change of the shared profile, outside the surge
  double surge_daily_sd = 2.0;       // day-to-day change in the 14 days after the shock
  double surge_days = 14;
  // After the surge, leavers' flows decay back: the profile's and each corridor's distance from
  // their pre-shock level halves in this many days (an assumption, not a figure from reports:
  // flight after a shock falls off within weeks; 0 keeps a random walk).
  double post_surge_half_life_days = 14;
  double post_surge_level = -2.0;    // the level the profile decays to (~130 a day per corridor)
  double corridor_level_sd = 5.0;    // a[k]; centred on the corridors' capacities when known
  double corridor_drift_sd = 0.3;    // e[k] day to day
  double ordinary_log_mean = 6.9;    // ordinary travellers a day, log scale (~1,000 a day)
  double ordinary_log_sd = 2.0;      // (about 20 to 55,000 a day within two sd)
  double known_ordinary_share = 0.3; // log-scale sd when the layout knows a corridor's ordinary traffic
  int knot_step_days = 7;            // knot spacing of the random walks outside the surge
  ReportErrors report_errors;  // how far each kind of figure may lie (observe/report_error.h)
};

}  // namespace exodus
