#include "exodus/io/flee/flee_world_builder.h"

#include <gtest/gtest.h>

#include "tiny_flee_case.h"

namespace exodus {
namespace {

using testing::TinyFleeCase;

TEST(FleeWorld, ClassifiesLocationsAsFleeDoes) {
  TinyFleeCase c;
  c.input["locations.csv"] += "E,R,Home,0,4,conflict_zone,3,800\nF,R,Away,0,5,forwarding_hub,,0\n";
  c.input["routes.csv"] += "C,E,10\nE,F,10\n";
  const auto w = c.world();
  const auto& a = w.start_state[w.graph.find("A")];
  EXPECT_GT(a.conflict, 0);
  EXPECT_EQ(a.movechance, 1.0);
  EXPECT_FALSE(a.foreign);
  const auto& e = w.start_state[w.graph.find("E")];  // conflict starts later: a town until then
  EXPECT_TRUE(e.flags & kFleeTown);
  EXPECT_LE(e.conflict, 0);
  EXPECT_EQ(e.movechance, 0.3);
  const auto& camp = w.start_state[w.graph.find("C")];
  EXPECT_TRUE(camp.flags & kFleeCamp);
  EXPECT_EQ(camp.capacity, 1000);
  EXPECT_TRUE(camp.foreign);
  EXPECT_EQ(w.start_state[w.graph.find("F")].movechance, 1.0);
  EXPECT_EQ(w.camps, (std::vector<LocationId>{w.graph.find("C"), w.graph.find("D")}));
}

TEST(FleeWorld, RarelyLeftLocationsBecomeCamps) {
  TinyFleeCase c;
  c.settings = "move_rules:\n  default_movechance: 0.001\n";
  c.drop_validation();
  const auto w = c.world();
  EXPECT_TRUE(w.start_state[w.graph.find("B")].flags & kFleeCamp);
}

TEST(FleeWorld, EachRouteIsTwoDirectedLinks) {
  TinyFleeCase c;
  const auto w = c.world();
  EXPECT_EQ(w.graph.link_count(), 6u);
  const auto [first, last] = w.graph.out_links(w.graph.find("B"));
  EXPECT_EQ(last - first, 3u);
}

TEST(FleeWorld, ConflictChangesOnlyAtZeroCrossings) {
  TinyFleeCase c;
  c.input["conflicts.csv"] = "#Day,A,B\n0,1,0\n1,1,1\n2,1,0.5\n3,1,0\n4,1,0\n5,1,0.5\n6,1,0\n7,1,0\n8,1,0\n9,1,0\n";
  const auto w = c.world();
  const auto b = w.graph.find("B");
  std::vector<std::pair<int, double>> seen;
  for (int t = 0; t < w.days; ++t)
    for (const auto& ch : w.conflict_changes[static_cast<std::size_t>(t)])
      if (ch.location == b) seen.emplace_back(t, ch.intensity);
  EXPECT_EQ(seen, (std::vector<std::pair<int, double>>{{1, 1.0}, {3, 0.0}, {5, 0.5}, {6, 0.0}}));
}

TEST(FleeWorld, CountryClosureCoversBothDirectionsOfCrossBorderLinks) {
  TinyFleeCase c;
  c.input["closures.csv"] += "country,Home,Away,2,5\n";
  const auto w = c.world();
  ASSERT_EQ(w.closures.size(), 1u);
  EXPECT_EQ(w.closures[0].links.size(), 4u);  // B<->C and B<->D
  for (auto l : w.closures[0].links)
    EXPECT_NE(w.graph.location(w.graph.link(l).from).country,
              w.graph.location(w.graph.link(l).to).country);
}

TEST(FleeWorld, InterpolatesTruncatesAndHoldsEnds) {
  const std::vector<FleeDataPoint> p{{1, 2, 10}, {2, 5, 20}};
  EXPECT_EQ(interpolate_series(p, 0), 10);
  EXPECT_EQ(interpolate_series(p, 3), 13);  // 13.33 truncated
  EXPECT_EQ(interpolate_series(p, 4), 16);
  EXPECT_EQ(interpolate_series(p, 9), 20);
}

TEST(FleeWorld, ValidationSeriesPerDay) {
  TinyFleeCase c;
  const auto w = c.world();
  ASSERT_TRUE(w.has_validation());
  EXPECT_EQ(w.series[1].name, "C");
  EXPECT_EQ(w.series[1].daily[0], 10);
  EXPECT_EQ(w.series[1].daily[5], 40);
  EXPECT_EQ(w.series[2].daily[9], 36);
}

TEST(FleeWorld, RegistrationCorrectionRescalesEarlierPoints) {
  TinyFleeCase c;
  c.validation["c.csv"] = "Date,count\n2020-01-01,10\n2020-01-06,20\n2020-01-11,70\n";
  c.input["registration_corrections.csv"] = "C,2020-01-11\n";
  const auto w = c.world();
  // Points before the correction date scale by 70/20.
  EXPECT_EQ(w.series[1].daily[0], 35);
  EXPECT_EQ(w.series[1].daily[5], 70);
}

TEST(FleeWorld, TwoFilesOnALayoutRowMergeAsFleeMergesThem) {
  TinyFleeCase c;
  c.validation["data_layout.csv"] = "total,total.csv\nC,c.csv,c2.csv\nD,d.csv\n";
  c.validation["c.csv"] = "Date,count\n2020-01-01,10\n2020-01-11,20\n2020-01-21,30\n";
  c.validation["c2.csv"] = "Date,count\n2020-01-06,1\n2020-01-11,2\n";
  const auto w = c.world();
  // Flee's merge: (0,10), (5, 1+20), (10, 2+20); the first file's later points are dropped.
  EXPECT_EQ(w.series[1].daily[0], 10);
  EXPECT_EQ(w.series[1].daily[5], 21);
  EXPECT_EQ(w.series[1].daily[9], 21);  // 21.8 truncated
}

TEST(FleeWorld, ConflictOnUnknownLocationIsAWarningAsInFlee) {
  TinyFleeCase c;
  c.input["conflicts.csv"] = "#Day,A,Nowhere\n0,1,1\n1,1,1\n2,1,1\n3,1,1\n4,1,1\n5,1,1\n6,1,1\n7,1,1\n8,1,1\n9,1,1\n";
  const auto w = c.world();
  ASSERT_EQ(w.warnings.size(), 1u);
  EXPECT_NE(w.warnings[0].find("Nowhere"), std::string::npos);
}

}  // namespace
}  // namespace exodus
