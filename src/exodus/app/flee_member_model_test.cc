#include "exodus/app/flee_member_model.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "exodus/io/flee/flee_world_builder.h"
#include "exodus/run/flee_run.h"
#include "tiny_flee_case.h"

namespace exodus {
namespace {

ParameterPrior town_movechance_prior() {
  return {.address = "move_rules.default_movechance", .shape = PriorShape::kLogNormal, .center = 0.2, .spread = 0.8,
          .lower = 0.01, .upper = 1, .reasoning = "the test's"};
}

// The tiny case (A, a conflict zone -> town B -> camps C and D) over 30 days, 100 people
// displaced a day, its camp data what a run at B's move chance `truth` made (a point a day).
FleeInputs inputs_from_truth(double truth) {
  testing::TinyFleeCase t;
  t.input["sim_period.csv"] = "StartDate,2020-01-01\nLength,30\n";
  std::string conflicts = "#Day,A\n";
  for (int d = 0; d < 30; ++d) conflicts += std::to_string(d) + ",1\n";
  t.input["conflicts.csv"] = conflicts;
  t.settings = "spawn_rules:\n  conflict_driven_spawning:\n    spawn_mode: constant\n    displaced_per_conflict_day: 100\n";
  FleeInputs in = t.read();
  FleeInputs truth_inputs = in;
  truth_inputs.settings.default_movechance = truth;
  RunOptions o;
  o.seed = 77;
  const FleeRunResult run = run_flee(build_flee_world(truth_inputs, "tiny"), o);
  for (auto& series : in.validation->series) {
    const auto at = std::find(run.table.camps.begin(), run.table.camps.end(), series.name);
    if (at == run.table.camps.end()) continue;
    const auto c = static_cast<std::size_t>(at - run.table.camps.begin());
    series.points.clear();
    for (std::size_t d = 0; d < run.table.sim.size(); ++d)
      series.points.push_back({0, static_cast<std::int64_t>(d), static_cast<double>(run.table.sim[d][c])});
  }
  return in;
}

// Only the data up to the fitted days may inform the fit: changing every later day changes no
// likelihood.
TEST(FleeMemberModel, ReadsNoCampDataAfterItsFittedDays) {
  const FleeInputs in = inputs_from_truth(0.3);
  const WorkerPool pool(1);
  FleeMemberModel a(in, "tiny", {town_movechance_prior()}, 10, pool, nullptr);
  EXPECT_EQ(a.fitted_days(), (std::vector<std::int32_t>{2, 9}));
  const auto with_camp_data = [&](std::int64_t from_day, double added) {
    FleeInputs changed = in;
    for (auto& series : changed.validation->series)
      if (series.name != "total")
        for (auto& p : series.points)
          if (p.day >= from_day) p.value += added;
    return changed;
  };
  FleeMemberModel b(with_camp_data(10, 999), "tiny", {town_movechance_prior()}, 10, pool, nullptr);
  const std::vector<double> x = {std::log(0.25), std::log(0.3)};
  const SmcSimulation job{0, x, 5};
  a.simulate({&job, 1});
  b.simulate({&job, 1});
  EXPECT_EQ(a.log_likelihood(0, x), b.log_likelihood(0, x));
  // And data on a fitted day does count.
  FleeMemberModel c(with_camp_data(9, 999), "tiny", {town_movechance_prior()}, 10, pool, nullptr);
  c.simulate({&job, 1});
  EXPECT_NE(c.log_likelihood(0, x), a.log_likelihood(0, x));
}

// Calibrated to camp data a known move chance made, the posterior narrows on it.
TEST(FleeMemberModel, FindsTheTownsMoveChanceThatMadeTheCampData) {
  const double truth = 0.5;
  const WorkerPool pool(2);
  FleeMemberModel model(inputs_from_truth(truth), "tiny", {town_movechance_prior()}, 20, pool, nullptr);
  SmcOptions o;
  o.members = 32;
  o.budget = 32 * 25;
  o.seed = 3;
  const SmcResult r = run_smc(model, o);
  double mean = 0, second = 0;
  for (std::size_t m = 0; m < r.x.size(); ++m) {
    mean += r.weights[m] * r.x[m][0];
    second += r.weights[m] * r.x[m][0] * r.x[m][0];
  }
  const double sd = std::sqrt(std::max(0.0, second - mean * mean));
  EXPECT_LT(sd, 0.5 * town_movechance_prior().spread) << "the data narrow the prior";
  EXPECT_LT(std::abs(mean - std::log(truth)), 3 * sd + 0.05) << "posterior mean " << std::exp(mean);
}

// The forecast's runs are the members' worlds over the whole case, run as any Flee run is.
TEST(FleeMemberModel, ItsFullRunsAreTheMembersWorldsRunToTheEnd) {
  const WorkerPool pool(2);
  FleeMemberModel model(inputs_from_truth(0.3), "tiny", {town_movechance_prior()}, 10, pool, nullptr);
  const std::vector<std::vector<double>> x = {{std::log(0.1), 0.0}, {std::log(0.6), 0.0}};
  model.run_full(x, {4, 5});
  const auto runs = model.take_full_runs(2);
  ASSERT_EQ(runs.size(), 2u);
  for (std::size_t m = 0; m < 2; ++m) {
    RunOptions o;
    o.seed = 4 + m;
    const CampTable alone = run_flee(model.member_world(x[m], 30), o).table;
    EXPECT_EQ(runs[m].days(), 30u);
    EXPECT_EQ(runs[m].sim, alone.sim) << m;
  }
  EXPECT_NE(runs[0].sim.back(), runs[1].sim.back()) << "the settings reach the runs";
}

TEST(FleeMemberModel, RefusesWhatIsNoFleeSettingOrHasNoData) {
  const FleeInputs in = inputs_from_truth(0.3);
  const WorkerPool pool(1);
  ParameterPrior bad = town_movechance_prior();
  bad.address = "move_rules.no_such_thing";
  EXPECT_THROW(FleeMemberModel(in, "tiny", {bad}, 10, pool, nullptr), std::invalid_argument);
  FleeInputs no_data = in;
  no_data.validation.reset();
  EXPECT_THROW(FleeMemberModel(no_data, "tiny", {town_movechance_prior()}, 10, pool, nullptr), std::invalid_argument);
  // A whole-number setting's prior may reach half a unit past its range (1 to 4), no further.
  ParameterPrior awareness{.address = "move_rules.awareness_level", .shape = PriorShape::kUniform, .center = 0, .spread = 0,
                           .lower = 0.5, .upper = 4.5, .reasoning = "the test's"};
  EXPECT_NO_THROW(FleeMemberModel(in, "tiny", {awareness}, 10, pool, nullptr));
  awareness.lower = 0.4;
  EXPECT_THROW(FleeMemberModel(in, "tiny", {awareness}, 10, pool, nullptr), std::invalid_argument);
  // A town whose move chance falls below 0.005 becomes a camp in Flee's rules: a member may not.
  ParameterPrior towns = town_movechance_prior();
  towns.lower = 0.001;
  FleeMemberModel model(in, "tiny", {towns}, 10, pool, nullptr);
  EXPECT_THROW(model.member_world(std::vector<double>{std::log(0.002), 0.0}, 10), std::invalid_argument);
}

// What a calibration is compared with: the case's own settings, run as any Flee run is.
TEST(FleeMemberModel, RunsTheCasesOwnSettingsForTheComparison) {
  const FleeInputs in = inputs_from_truth(0.3);
  const WorkerPool pool(2);
  const FleeMemberModel model(in, "tiny", {town_movechance_prior()}, 10, pool, nullptr);
  const auto runs = model.run_case_settings({3, 9});
  ASSERT_EQ(runs.size(), 2u);
  for (std::size_t k = 0; k < 2; ++k) {
    RunOptions o;
    o.seed = k == 0 ? 3 : 9;
    EXPECT_EQ(runs[k].sim, run_flee(build_flee_world(in, "tiny"), o).table.sim) << k;
  }
}

}  // namespace
}  // namespace exodus
