// A checkpoint is an input: what the members' simulations cannot confirm (temperature, scale,
// evidence, counts, the stage record) is checked for range and consistency, each refusal naming
// its line and item.
#include "exodus/infer/smc_checkpoint.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "exodus/core/error.h"

namespace exodus {
namespace {

// Two stages completed by a population of 4 members in 2 coordinates, within a budget of 100.
SmcCheckpoint two_stages() {
  SmcCheckpoint c;
  c.stage = 2;
  c.temperature = 0.6;
  c.scale = 1.2;
  c.log_evidence = -3.5;
  c.seconds = 2.5;
  c.simulations = 40;
  c.unscored = 1;
  c.stages = {{1, 0.2, 3.1, 10, 0.4, 0.3, 20, 1.0}, {2, 0.6, 2.5, 10, 0.35, 0.2, 40, 2.5}};
  c.x = {{0.1, 0.2}, {0.3, -0.4}, {1.5, 2.5}, {-1, 0}};
  c.log_likelihood = {-1, -2, -std::numeric_limits<double>::infinity(), -4};
  c.run_seed = {1, 2, 3, 4};
  return c;
}

const CheckpointShape kShape{4, 2, 100};

std::string replaced(std::string text, const std::string& line_start, const std::string& by) {
  const auto at = text.find("\n" + line_start) + 1;
  text.replace(at, text.find('\n', at) - at, by);
  return text;
}

void expect_refused(const std::string& text, const std::string& field, const std::string& why) {
  try {
    read_smc_checkpoint({"ck", text}, kShape);
    ADD_FAILURE() << why << ": accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.pos().field, field) << why << ": " << e.what();
    EXPECT_GT(e.pos().line, 0u) << why;
  }
}

TEST(SmcCheckpointReader, ReadsBackWhatItWroteToTheBit) {
  const auto c = two_stages();
  const auto read = read_smc_checkpoint({"ck", smc_checkpoint_text(c, "abc")}, kShape);
  EXPECT_EQ(read.fingerprint, "abc");
  EXPECT_EQ(read.checkpoint.temperature, c.temperature);
  EXPECT_EQ(read.checkpoint.x, c.x);
  EXPECT_EQ(read.checkpoint.log_likelihood, c.log_likelihood);
  EXPECT_EQ(read.checkpoint.stages.size(), 2u);
}

TEST(SmcCheckpointReader, CrlfLineEndsAreReadAsTheSameCheckpoint) {
  std::string text = smc_checkpoint_text(two_stages(), "abc"), crlf;
  for (const char ch : text) crlf += ch == '\n' ? std::string("\r\n") : std::string(1, ch);
  const auto read = read_smc_checkpoint({"ck", crlf}, kShape);
  EXPECT_EQ(read.fingerprint, "abc");
  EXPECT_EQ(read.checkpoint.x, two_stages().x);
}

TEST(SmcCheckpointReader, ScalarsOutOfRangeAreRefused) {
  const std::string text = smc_checkpoint_text(two_stages(), "abc");
  for (const char* t : {"-inf", "nan", "16", "-0x1p-2"})
    expect_refused(replaced(text, "temperature ", std::string("temperature ") + t), "temperature", t);
  for (const char* s : {"nan", "-1", "0", "inf"}) expect_refused(replaced(text, "scale ", std::string("scale ") + s), "scale", s);
  for (const char* e : {"nan", "inf", "-inf"})
    expect_refused(replaced(text, "log_evidence ", std::string("log_evidence ") + e), "log_evidence", e);
  expect_refused(replaced(text, "seconds ", "seconds -1"), "seconds", "negative seconds");
  expect_refused(replaced(text, "simulations ", "simulations 99999999"), "simulations", "beyond the budget");
  expect_refused(replaced(text, "simulations ", "simulations 3"), "simulations", "fewer than the members");
  expect_refused(replaced(text, "unscored ", "unscored 41"), "unscored", "more unscored than simulations");
  expect_refused(replaced(text, "stage ", "stage 4294967298"), "stage", "a stage count that would wrap to 2");
  expect_refused(text + "member 0x1p+0 9 0x1p+0 0x1p+0\n", "end", "lines after the end");
}

TEST(SmcCheckpointReader, TheStageRecordMustAgreeWithTheCheckpoint) {
  auto c = two_stages();
  c.stages[1].temperature = 0.7;  // the last stage's temperature is not the checkpoint's
  expect_refused(smc_checkpoint_text(c, "abc"), "stages", "last temperature");
  c = two_stages();
  c.stages[1].temperature = 0.1;  // falling
  c.temperature = 0.1;
  expect_refused(smc_checkpoint_text(c, "abc"), "stage_row", "falling temperature");
  c = two_stages();
  c.stages[0].stage = 5;
  expect_refused(smc_checkpoint_text(c, "abc"), "stage_row", "misnumbered stage");
  c = two_stages();
  c.stages[0].acceptance = 1.5;
  expect_refused(smc_checkpoint_text(c, "abc"), "stage_row", "acceptance over 1");
  c = two_stages();
  c.stages[0].ess = 9;  // more effective members than members
  expect_refused(smc_checkpoint_text(c, "abc"), "stage_row", "ess over members");
  c = two_stages();
  c.stage = 0;
  c.stages.clear();
  expect_refused(smc_checkpoint_text(c, "abc"), "temperature", "a temperature at the prior");
}

TEST(SmcCheckpointReader, AControlCharacterIsRefusedBeforeAWordIsEchoed) {
  const std::string text = replaced(smc_checkpoint_text(two_stages(), "abc"), "scale ", "scale \x1b[31m");
  try {
    read_smc_checkpoint({"ck", text}, kShape);
    ADD_FAILURE() << "accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.pos().line, 5u) << e.what();
    EXPECT_EQ(std::string(e.what()).find('\x1b'), std::string::npos) << e.what();
  }
}

TEST(SmcCheckpointReader, MembersMustBeTheCalibrationsAndFinite) {
  auto c = two_stages();
  c.x.pop_back();
  c.log_likelihood.pop_back();
  c.run_seed.pop_back();
  expect_refused(smc_checkpoint_text(c, "abc"), "members", "fewer members");
  c = two_stages();
  c.x[1][0] = std::nan("");
  expect_refused(smc_checkpoint_text(c, "abc"), "member", "a NaN coordinate");
  c = two_stages();
  c.log_likelihood[0] = std::nan("");
  expect_refused(smc_checkpoint_text(c, "abc"), "member", "a NaN log-likelihood");
}

}  // namespace
}  // namespace exodus
