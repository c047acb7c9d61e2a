// exodus run --members N [--prior]: an ensemble of runs side by side, in the calibration's band
// layout, on the tiny scenario with priors (tiny_calibration.h).
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "exodus/app/ensemble_use_case.h"
#include "exodus/app/scenario_use_case.h"
#include "test_support.h"
#include "tiny_calibration.h"

namespace exodus::testing {
namespace {

EnsembleRequest ensemble(const TinyCalibration& t, std::size_t members, bool prior, int threads, const std::string& out) {
  EnsembleRequest q;
  q.folder = t.folder;
  q.members = members;
  q.prior = prior;
  q.seed = 5;
  q.threads = threads;
  q.output.dir = t.dir / out;
  return q;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream ss(text);
  for (std::string line; std::getline(ss, line);) out.push_back(line);
  return out;
}

TEST(Ensemble, OfOneMemberOfSeedsIsThePlainRunToTheBit) {
  const TinyCalibration t;
  const EnsembleOutcome e = run_ensemble_case(ensemble(t, 1, false, 1, "e"));
  ScenarioRunRequest q;
  q.folder = t.folder;
  q.seed = 5;
  q.output.dir = t.dir / "r";
  const ScenarioRunOutcome r = run_scenario_case(q);
  const auto& series = r.run.series.series();
  ASSERT_EQ(e.result.bands.bands.size(), series.size());
  for (std::size_t s = 0; s < series.size(); ++s) {
    EXPECT_EQ(e.result.bands.discrepancy[s], BandDiscrepancy::kNone);
    for (std::size_t d = 0; d < series[s].values.size(); ++d) {
      const Interval& i = e.result.bands.bands[s][d];
      ASSERT_EQ(i.median, series[s].values[d]) << series[s].place << " " << series[s].metric << " day " << d;
      ASSERT_EQ(i.lo90, i.hi90);
    }
  }
  EXPECT_EQ(e.result.run_seed, std::vector<std::uint64_t>{5});
}

TEST(Ensemble, GivesTheSameFilesWhateverTheThreadCount) {
  const TinyCalibration t;
  run_ensemble_case(ensemble(t, 6, true, 1, "one"));
  run_ensemble_case(ensemble(t, 6, true, 2, "two"));
  for (const char* file : {"forecast.csv", "members.csv"})
    EXPECT_EQ(read_bytes(t.dir / "one" / file), read_bytes(t.dir / "two" / file)) << file;
}

TEST(Ensemble, DrawsFromThePriorsWidenTheBandsAndDoNotDependOnTheMemberCount) {
  const TinyCalibration t;
  const auto seeds = run_ensemble_case(ensemble(t, 8, false, 2, "seeds"));
  const auto prior = run_ensemble_case(ensemble(t, 8, true, 2, "prior"));
  const auto more = run_ensemble_case(ensemble(t, 12, true, 2, "more"));
  // Departures to the last day.
  const auto last_departures = [](const EnsembleResult& e) {
    const ForecastTotal* found = nullptr;
    for (const auto& total : e.totals)
      if (total.metric == "departures") found = &total;
    EXPECT_NE(found, nullptr);
    return found ? found->interval : Interval{};
  };
  const Interval a = last_departures(seeds.result), b = last_departures(prior.result);
  // The shock's prior spans a factor of about 3 either way; the seeds move departures by a few percent.
  EXPECT_GT(b.hi90 / b.lo90, 2.0);
  EXPECT_LT(a.hi90 / a.lo90, 1.2);
  EXPECT_GT(a.lo90, 0);
  // A member's draw is its own: 8 members are the first 8 of 12.
  const auto few = lines(read_bytes(t.dir / "prior" / "members.csv"));
  const auto many = lines(read_bytes(t.dir / "more" / "members.csv"));
  ASSERT_EQ(few.size(), 9u);
  ASSERT_EQ(many.size(), 13u);
  for (std::size_t i = 0; i < few.size(); ++i) EXPECT_EQ(few[i], many[i]);
  EXPECT_EQ(few[0], "member,run_seed,ran,shock_hazard,checkpoints.vehicles_per_day[S1]");
  // The drawn shocks differ from member to member, and the seeds-only members all run the scenario's.
  EXPECT_NE(prior.result.values[0][0], prior.result.values[1][0]);
  EXPECT_TRUE(seeds.result.priors.empty());
  const auto summary = nlohmann::json::parse(read_bytes(t.dir / "prior" / "summary.json"));
  EXPECT_EQ(summary["parameters_from"], "priors");
  EXPECT_EQ(summary["members_ran"], 8);
  // The forecast says which bands carry the discrepancy's prior.
  EXPECT_NE(read_bytes(t.dir / "prior" / "forecast.csv").find(",prior\n"), std::string::npos);
  EXPECT_EQ(read_bytes(t.dir / "seeds" / "forecast.csv").find(",prior\n"), std::string::npos);
}

TEST(Ensemble, RefusesWhatItCannotDoBeforeWritingAnything) {
  const TinyCalibration t;
  std::string out;
  const auto x = (t.dir / "x").string();
  EXPECT_EQ(run_exodus("run " + t.folder.string() + " --prior --out " + x, &out), 2);
  EXPECT_NE(out.find("--prior"), std::string::npos) << out;
  EXPECT_NE(out.find("needs --members"), std::string::npos) << out;
  const auto bare = t.dir / "bare";
  write_files(bare, TinyScenario().files);
  EXPECT_EQ(run_exodus("run " + bare.string() + " --members 3 --prior --out " + x, &out), 2);
  EXPECT_NE(out.find("priors.csv"), std::string::npos) << out;
  EXPECT_EQ(run_exodus("run mali --members 3 --out " + x, &out), 2);
  EXPECT_NE(out.find("not to Flee cases"), std::string::npos) << out;
  // The members' series held together are bounded like one run's.
  EXPECT_EQ(run_exodus("run " + t.folder.string() + " --members 50 --max-daily-values 20000 --out " + x, &out), 2);
  EXPECT_NE(out.find("--members"), std::string::npos) << out;
  EXPECT_NE(out.find("--max-daily-values"), std::string::npos) << out;
  EXPECT_FALSE(std::filesystem::exists(x));
}

}  // namespace
}  // namespace exodus::testing
