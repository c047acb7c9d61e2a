#pragma once
// The tiny scenario (tiny_scenario.h) with priors on its shock and a capacity, in a temporary
// folder beside a reports file of its own figures: daily entries into North and South over the
// shock's first 8 days, from a run with the true shock. A calibration's truth is known.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

#include "exodus/app/calibrate_use_case.h"
#include "exodus/app/load_scenario.h"
#include "exodus/run/exodus_run.h"
#include "exodus/world/scenario_registry.h"
#include "test_support.h"
#include "tiny_scenario.h"

namespace exodus::testing {

inline constexpr double kTrueShock = 0.02;

struct TinyCalibration {
  std::filesystem::path dir = make_temp_dir("calibrate");
  std::filesystem::path folder = dir / "tiny", reports = dir / "reports.csv";
  // `pool`: the region's eligible people; a tenth of the tiny scenario's makes runs of a few
  // thousand agents, many of them a second.
  explicit TinyCalibration(const std::string& pool = "100000") {
    TinyScenario t;
    auto& regions = t.files["regions.csv"];
    regions.replace(regions.find("1000000"), 7, pool);
    t.files["priors.csv"] =
        "parameter,prior,center,spread,lower,upper,reasoning\n"
        "shock_hazard,lognormal,0.01,0.7,0.001,0.2,the test's prior\n"
        "checkpoints.vehicles_per_day[S1],lognormal,1000,0.3,200,5000,the test's prior\n";
    write_files(folder, t.files);
    Scenario truth = t.read();
    ScenarioValue(truth, "shock_hazard").set(truth, kTrueShock);
    RunOptions o;
    o.seed = 99;
    const auto run = run_exodus(truth, o);
    std::string csv = kReportsHeader;
    for (int day = truth.shock_day; day < truth.shock_day + 8; ++day)
      for (std::size_t d = 0; d < 2; ++d) {
        const Date date = truth.start_date + day;
        const double v = run.series.at(PlaceKind::kDestination, d, "entries", static_cast<std::size_t>(day));
        csv += fmt::format("R{}{},entries,{},,{},{},{:.0f},,,count,,persons,test,{},,\n", d, day, truth.destinations[d].name,
                           date.iso(), date.iso(), v, date.iso());
      }
    write_files(dir, {{"reports.csv", csv}});
  }
  ~TinyCalibration() { std::filesystem::remove_all(dir); }
  CalibrateRequest request(std::size_t members, std::size_t budget, int threads, const std::string& out) const {
    CalibrateRequest q;
    q.scenario = folder;
    q.reports_files = {reports};
    q.members = members;
    q.budget = budget;
    q.threads = threads;
    q.output.dir = dir / out;
    return q;
  }
};

// summary.json without its clock readings, the one thing two runs of the same calibration differ in.
inline nlohmann::json summary_without_seconds(const std::filesystem::path& folder) {
  nlohmann::json j = nlohmann::json::parse(read_bytes(folder / "summary.json"));
  j.erase("seconds");
  j.erase("simulations_per_second");
  for (auto& stage : j["stages"]) stage.erase("seconds");
  return j;
}

}  // namespace exodus::testing
