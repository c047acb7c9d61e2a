// The fast version of the fidelity check (bench/flee-fidelity runs the full one): exodus on
// Flee's own cases matches Flee's agent counts day by day and its validation error.
#include <gtest/gtest.h>

#include <ostream>

#include "exodus/app/flee_case.h"
#include "exodus/core/text_source.h"
#include "exodus/run/flee_run.h"
#include "exodus/score/flee_out_csv_reader.h"
#include "exodus/score/flee_score.h"
#include "test_support.h"

namespace exodus::testing {
namespace {

TEST(FleeFidelity, EmbeddedMaliMatchesFleesErrorOverThreeSeeds) {
  const auto loaded = load_flee_case({});
  double ard = 0, rescaled = 0;
  const int seeds = 3;
  for (int seed = 1; seed <= seeds; ++seed) {
    RunOptions options;
    options.seed = static_cast<std::uint64_t>(seed);
    options.threads = 2;
    const auto run = run_flee(loaded.world, options);
    const auto s = score_flee(run.table);
    ard += s.ard / seeds;
    rescaled += s.ard_rescaled / seeds;
    // Data-driven spawning: the agent count equals the camps' data total every day.
    for (std::size_t d = 0; d < run.table.days(); ++d)
      ASSERT_EQ(run.table.agents[d], run.table.data_in_camps[d]) << "day " << d;
  }
  // Flee's own figures on this case (from its out.csv, data/flee/flee-out): 0.380 and 0.315, within 10%.
  EXPECT_LE(ard, 0.380 * 1.10);
  EXPECT_LE(rescaled, 0.315 * 1.10);
  EXPECT_GE(ard, 0.380 * 0.80);  // far better than Flee would mean a different model
}

struct PeerCase {
  const char* input;  // the case's folder under data/flee
};
// The case's name, where GoogleTest would print the struct's bytes.
void PrintTo(const PeerCase& c, std::ostream* os) { *os << c.input; }

class FleeAgentParity : public ::testing::TestWithParam<PeerCase> {};

TEST_P(FleeAgentParity, AgentTotalsEqualFleesEveryDay) {
  const auto& c = GetParam();
  const auto flee = read_flee_out_csv(read_text_file(flee_data_dir() / "flee-out" / (std::string(c.input) + ".out.csv")));
  FleeCaseSpec spec;
  spec.input_dir = flee_data_dir() / c.input / "input";
  spec.validation_dir = flee_data_dir() / c.input / "validation";
  spec.settings_file = flee_data_dir() / c.input / "simsetting.yml";
  spec.max_days = static_cast<std::int32_t>(flee.days());
  const auto loaded = load_flee_case(spec);
  RunOptions options;
  options.threads = 2;
  const auto run = run_flee(loaded.world, options);
  ASSERT_EQ(run.table.days(), flee.days());
  for (std::size_t d = 0; d < flee.days(); ++d) {
    ASSERT_EQ(run.table.agents[d], flee.agents[d]) << c.input << " day " << d;
    ASSERT_EQ(run.table.data_in_camps[d], flee.data_in_camps[d]) << c.input << " day " << d;
    ASSERT_EQ(run.table.raw_count[d], flee.raw_count[d]) << c.input << " day " << d;
    ASSERT_EQ(run.table.debt[d], flee.debt[d]) << c.input << " day " << d;
    for (std::size_t k = 0; k < flee.camps.size(); ++k)
      ASSERT_EQ(run.table.data[d][k], flee.data[d][k]) << c.input << " " << flee.camps[k] << " day " << d;
  }
  const auto ours = score_flee(run.table);
  const auto theirs = score_flee(flee);
  EXPECT_LE(ours.ard, theirs.ard * 1.10) << c.input;
  EXPECT_LE(ours.ard_rescaled, theirs.ard_rescaled * 1.10) << c.input;
}

INSTANTIATE_TEST_SUITE_P(Peers, FleeAgentParity,
                         ::testing::Values(PeerCase{"mali"}, PeerCase{"burundi"}, PeerCase{"car"}),
                         [](const auto& case_info) { return std::string(case_info.param.input); });

}  // namespace
}  // namespace exodus::testing
