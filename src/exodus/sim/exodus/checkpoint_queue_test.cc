#include "exodus/sim/exodus/checkpoint_queue.h"

#include <gtest/gtest.h>

#include <vector>

namespace exodus {
namespace {

struct Served {
  std::uint32_t agent;
  double time, wait_hours;
};

std::vector<Served> serve(CheckpointQueue& q, int day, double rate, QueueDay* out = nullptr) {
  std::vector<Served> s;
  const auto d = q.serve_day(day, rate, [&](std::uint32_t a, double t, double w) { s.push_back({a, t, w}); });
  if (out) *out = d;
  return s;
}

TEST(CheckpointQueue, ServesFirstInFirstOutAtItsRate) {
  CheckpointQueue q;
  for (std::uint32_t a = 0; a < 4; ++a) q.push({0.0, 1, a});
  const auto s = serve(q, 0, 2.0);  // two persons a day: 12 h each
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].agent, 0u);
  EXPECT_DOUBLE_EQ(s[0].wait_hours, 12.0);
  EXPECT_DOUBLE_EQ(s[1].wait_hours, 24.0);
  EXPECT_DOUBLE_EQ(q.persons(), 2.0);
  const auto next = serve(q, 1, 2.0);
  ASSERT_EQ(next.size(), 2u);
  EXPECT_EQ(next[0].agent, 2u);
  EXPECT_DOUBLE_EQ(next[1].wait_hours, 48.0);
  EXPECT_TRUE(q.empty());
}

TEST(CheckpointQueue, TheMedianWaitIsWhatHalfTheCrossersExceeded) {
  CheckpointQueue q;
  // Five agents at time 0, four a day: waits 6, 12, 18 and 24 h today.
  for (std::uint32_t a = 0; a < 5; ++a) q.push({0.0, 1, a});
  QueueDay day;
  serve(q, 0, 4.0, &day);
  EXPECT_DOUBLE_EQ(day.wait_hours_max, 24.0);
  EXPECT_DOUBLE_EQ(day.wait_hours_median, 12.0);  // two of four waited 12 h or less
  // A cohort of 10 ordinary travellers outweighs one agent: the median is the cohort's mean wait.
  CheckpointQueue r;
  r.push({0.0, 1, 0});
  r.push({0.0, 10, kNoAgent});
  serve(r, 0, 24.0, &day);  // one an hour
  EXPECT_DOUBLE_EQ(day.wait_hours_max, 11.0);
  EXPECT_DOUBLE_EQ(day.wait_hours_median, 1.0 + 5.0);  // the cohort starts at 1 h and takes 10 h
  serve(r, 1, 24.0, &day);
  EXPECT_DOUBLE_EQ(day.wait_hours_median, 0.0);  // nobody served
}

TEST(CheckpointQueue, AnIdleServerWaitsForTheNextArrival) {
  CheckpointQueue q;
  q.push({0.5, 1, 7});
  const auto s = serve(q, 0, 24.0);  // one an hour
  ASSERT_EQ(s.size(), 1u);
  EXPECT_NEAR(s[0].time, 0.5 + 1.0 / 24, 1e-12);
  EXPECT_NEAR(s[0].wait_hours, 1.0, 1e-9);
}

TEST(CheckpointQueue, OrdinaryTravellersQueueAheadOfLaterLeavers) {
  CheckpointQueue q;
  q.push({0.0, 12.0, kNoAgent});  // 12 travellers at midnight
  q.push({0.1, 1.0, 1});
  QueueDay day;
  const auto s = serve(q, 0, 24.0, &day);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_NEAR(s[0].time, 13.0 / 24, 1e-12);  // after the 12, one hour each
  EXPECT_DOUBLE_EQ(day.processed_persons, 13.0);
}

TEST(CheckpointQueue, AClosedCheckpointServesNobody) {
  CheckpointQueue q;
  q.push({0.0, 1, 1});
  EXPECT_TRUE(serve(q, 0, 0.0).empty());
  EXPECT_DOUBLE_EQ(q.persons(), 1.0);
  const auto s = serve(q, 1, 24.0);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_NEAR(s[0].wait_hours, 25.0, 1e-9);  // served one hour after reopening
}

TEST(CheckpointQueue, PartOfACohortCarriesOverToTheNextDay) {
  CheckpointQueue q;
  q.push({0.0, 30.0, kNoAgent});
  QueueDay day;
  serve(q, 0, 10.0, &day);
  EXPECT_NEAR(day.processed_persons, 10.0, 1e-9);
  EXPECT_NEAR(q.persons(), 20.0, 1e-9);
}

}  // namespace
}  // namespace exodus
