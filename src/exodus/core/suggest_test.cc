#include "exodus/core/suggest.h"

#include <gtest/gtest.h>

namespace exodus {
namespace {

TEST(Suggest, EditDistanceCountsSingleCharacterEdits) {
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("shock_date", "shock_date"), 0u);
  EXPECT_EQ(edit_distance("Kazakstan", "kazakhstan"), 1u);  // case is ignored
}

TEST(Suggest, SuggestsOnlyWhatCouldBeATypo) {
  const std::vector<std::string> keys = {"name", "start_date", "end_date", "shock_date"};
  EXPECT_EQ(did_you_mean("shok_date", keys), " (did you mean 'shock_date'?)");
  EXPECT_EQ(did_you_mean("population", keys), "");
  EXPECT_EQ(did_you_mean("name", keys), "");  // not a typo: the name itself
  EXPECT_EQ(did_you_mean("simulate", {"run", "check", "estimate", "score"}), "");
  EXPECT_EQ(did_you_mean("estimat", {"run", "check", "estimate", "score"}), " (did you mean 'estimate'?)");
  EXPECT_EQ(one_of({"a", "b", "c"}), "a, b or c");
  EXPECT_EQ(one_of({"a"}), "a");
}

}  // namespace
}  // namespace exodus
