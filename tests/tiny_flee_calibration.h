#pragma once
// The tiny Flee case (tiny_flee_case.h) over 30 days in a temporary folder, with camp data for
// every day: a case a calibration runs in a fraction of a second a member.
#include <fmt/format.h>

#include <filesystem>
#include <string>

#include "exodus/app/flee_calibrate_use_case.h"
#include "test_support.h"
#include "tiny_flee_case.h"

namespace exodus::testing {

struct TinyFleeCalibration {
  static constexpr int kDays = 30;
  std::filesystem::path dir = make_temp_dir("flee-calibrate");
  std::filesystem::path input = dir / "tiny" / "input", validation = dir / "tiny" / "validation";
  TinyFleeCase t;

  // Camp data growing day by day; `later` is added to every point after day `from`.
  explicit TinyFleeCalibration(double later = 0, int from = kDays) {
    t.input["sim_period.csv"] = fmt::format("StartDate,2020-01-01\nLength,{}\n", kDays);
    std::string conflicts = "#Day,A\n";
    for (int d = 0; d < kDays; ++d) conflicts += fmt::format("{},1\n", d);
    t.input["conflicts.csv"] = conflicts;
    t.input["simsetting.yml"] =
        "spawn_rules:\n  conflict_driven_spawning:\n    spawn_mode: constant\n    displaced_per_conflict_day: 60\n";
    std::string total = "Date,count\n", c = total, d = total;
    for (int day = 0; day < kDays; ++day) {
      const Date date = *Date::parse("2020-01-01") + day;
      const double extra = day > from ? later : 0;
      total += fmt::format("{},{}\n", date.iso(), 60 * (day + 1));
      c += fmt::format("{},{}\n", date.iso(), 30 * day + extra);
      d += fmt::format("{},{}\n", date.iso(), 12 * day + extra);
    }
    t.validation["total.csv"] = total;
    t.validation["c.csv"] = c;
    t.validation["d.csv"] = d;
    write_files(input, t.input);
    write_files(validation, t.validation);
  }
  ~TinyFleeCalibration() { std::filesystem::remove_all(dir); }

  FleeCalibrateRequest request(std::size_t members, std::size_t budget, int threads, const std::string& out,
                               std::int32_t as_of_day = 9) const {
    FleeCalibrateRequest q;
    q.spec.input_dir = input;
    q.spec.validation_dir = validation;
    q.as_of = AsOf::day(as_of_day);
    q.members = members;
    q.budget = budget;
    q.threads = threads;
    q.case_runs = 2;
    q.output.dir = dir / out;
    return q;
  }
  std::string command(const std::string& out) const {
    return fmt::format("calibrate --flee {} --validation {} --as-of 9 --members 8 --budget 32 --quiet --out {}", input.string(),
                       validation.string(), (dir / out).string());
  }
};

}  // namespace exodus::testing
