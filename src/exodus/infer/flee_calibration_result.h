#pragma once
// What a Flee case's calibration found (exodus calibrate --flee): the sampler's population,
// each setting's prior against its posterior, the camps' forecast bands over the whole case,
// their median as a Flee out.csv table, and, where the validation data goes on after the as-of
// day, how the forecast and the case's own settings fared there.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "exodus/core/date.h"
#include "exodus/infer/camp_bands.h"
#include "exodus/infer/camp_forecast_check.h"
#include "exodus/infer/parameter_summary.h"
#include "exodus/infer/smc_sampler.h"
#include "exodus/recorder/camp_table.h"
#include "exodus/world/parameter_prior.h"

namespace exodus {

struct FleeCalibrationResult {
  std::string case_name;
  Date start;                        // the case's day 0
  std::int32_t as_of_day = 0;        // camp data on days 0..as_of_day informed the fit
  Date as_of_date;                   // the date of that day's counts (FleeWorld::date_of_day)
  std::vector<std::int32_t> fitted_days;  // the days the likelihood read
  std::vector<bool> observed;        // [camp]: whether it has validation data
  std::size_t observed_camps = 0;    // how many have
  double floor = 1;                  // f of the likelihood's log(x + f)
  std::size_t budget = 0;
  std::uint64_t seed = 1;
  std::vector<ParameterPrior> priors;  // the settings', then the discrepancy
  std::size_t simulated_coordinates = 0;
  std::vector<std::vector<double>> run_values;  // [member][setting]: the values its runs used
  SmcResult smc;
  std::vector<ParameterSummary> parameters;  // [prior]
  CampBands bands;  // [day][camp], over the whole case
  CampTable median;  // the bands' medians with the case's data: out.csv
  // The days after as_of_day (when the case has any): the forecast's check, and the case's own
  // settings over the same days (the mean ARD of `case_runs` runs, seeded as the members).
  std::optional<CampForecastCheck> after;
  double case_settings_ard = 0;
  std::size_t case_runs = 0;
};

}  // namespace exodus
