#include "exodus/core/sample_moments.h"

#include <gtest/gtest.h>

#include <vector>

namespace exodus {
namespace {

TEST(SampleMoments, MeanAndSdWithNMinusOne) {
  const std::vector<double> v = {2, 4, 4, 4, 5, 5, 7, 9};
  const SampleMoments m = sample_moments(v);
  EXPECT_DOUBLE_EQ(m.mean, 5);
  EXPECT_DOUBLE_EQ(m.sd, std::sqrt(32.0 / 7.0));
}

TEST(SampleMoments, FewValuesAndLargeOffsetsAreHandled) {
  EXPECT_EQ(sample_moments(std::vector<double>{}).mean, 0);
  const SampleMoments one = sample_moments(std::vector<double>{3.5});
  EXPECT_EQ(one.mean, 3.5);
  EXPECT_EQ(one.sd, 0);
  // Σx² - n·mean² would lose every digit here.
  const SampleMoments far = sample_moments(std::vector<double>{1e9 + 1, 1e9 + 2, 1e9 + 3});
  EXPECT_NEAR(far.sd, 1.0, 1e-9);
}

}  // namespace
}  // namespace exodus
