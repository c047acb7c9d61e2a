#include "exodus/world/places.h"

#include <gtest/gtest.h>

namespace exodus {
namespace {

PlaceCatalog catalog() {
  PlaceCatalog c;
  c.destinations = {"Finland", "Georgia", "Estonia"};
  c.groups = {{"EU", "Schengen"}, {}, {"EU"}};
  c.checkpoints = {"Vaalimaa", "Verkhny Lars"};
  return c;
}

using Indices = std::vector<std::size_t>;

TEST(Places, AllGroupsListsAndNamesResolveToDestinationsInOrder) {
  const auto c = catalog();
  EXPECT_EQ(destinations_named(c, {"ALL"}), (Indices{0, 1, 2}));
  EXPECT_EQ(destinations_named(c, {"EU"}), (Indices{0, 2}));
  EXPECT_EQ(destinations_named(c, {"Georgia", "Finland"}), (Indices{0, 1}));
  EXPECT_EQ(destinations_named(c, {"EU", "Estonia"}), (Indices{0, 2}));  // each once
  EXPECT_TRUE(destinations_named(c, {"Mongolia"}).empty());
  EXPECT_TRUE(names_all({"ALL"}));
  EXPECT_FALSE(names_all({"ALL", "Georgia"}));
}

TEST(Places, UnknownNamesAndCheckpoints) {
  const auto c = catalog();
  EXPECT_EQ(unknown_places(c, {"Georgia", "Atlantis", "ALL", "Schengen"}), std::vector<std::string>{"Atlantis"});
  EXPECT_EQ(checkpoint_named(c, "Verkhny Lars"), 1u);
  EXPECT_FALSE(checkpoint_named(c, "Georgia").has_value());
  EXPECT_EQ(unknown_places(c, {"Vaalimaa"}), std::vector<std::string>{"Vaalimaa"});  // a checkpoint is no destination
}

}  // namespace
}  // namespace exodus
