#include "exodus/world/scenario_registry.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <cmath>
#include <set>
#include <stdexcept>
#include <string_view>

#include "exodus/core/embedded_files.h"
#include "exodus/core/text_source.h"
#include "exodus/io/scenario/scenario_reader.h"
#include "test_support.h"

namespace exodus {
namespace {

Scenario embedded() {
  return read_scenario(EmbeddedSource(std::string(embedded_default_scenario_name()), ""));
}

std::string error_of(const Scenario& s, const std::string& address) {
  try {
    ScenarioValue v(s, address);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

TEST(ScenarioRegistry, NamesAreUniqueAndDefaultsLieWithinTheirBounds) {
  const ScenarioParameters defaults;
  std::set<std::string> names;
  for (const auto& p : scenario_parameters()) {
    EXPECT_TRUE(names.insert(p.name).second) << p.name;
    EXPECT_GE(p.get(defaults), p.lower) << p.name;
    EXPECT_LE(p.get(defaults), p.upper) << p.name;
    EXPECT_EQ(find_scenario_parameter(p.name), &p);
  }
  EXPECT_EQ(find_scenario_parameter("no_such_parameter"), nullptr);
  EXPECT_TRUE(find_scenario_parameter("information_lag_days")->integer());
  EXPECT_FALSE(find_scenario_parameter("balk_wait_days")->integer());
  for (const auto& c : destination_columns()) {
    if (!c.fallback) continue;
    if (std::isnan(*c.fallback))  // only a position may be left out: the place is then not drawn on maps
      EXPECT_TRUE(std::string_view(c.name) == "latitude" || std::string_view(c.name) == "longitude") << c.name;
    else
      EXPECT_TRUE(*c.fallback >= c.lower && *c.fallback <= c.upper) << c.name;
  }
}

TEST(ScenarioRegistry, AddressesReadAndWriteOneValue) {
  Scenario s = embedded();
  const ScenarioValue lars(s, "checkpoints.vehicles_per_day[Verkhny Lars]");
  EXPECT_EQ(lars.get(s), 2570);
  lars.set(s, 1800);
  EXPECT_EQ(s.checkpoints[0].vehicles_per_day, 1800);
  EXPECT_EQ(s.checkpoints[1].vehicles_per_day, embedded().checkpoints[1].vehicles_per_day);  // no other row
  EXPECT_THROW(lars.set(s, -1), std::invalid_argument);
  EXPECT_EQ(s.checkpoints[0].vehicles_per_day, 1800);  // a refused value changes nothing

  const ScenarioValue balk(s, "balk_wait_days");
  balk.set(s, 2.5);
  EXPECT_EQ(s.parameters.balk_wait_days, 2.5);
  const ScenarioValue lag(s, "information_lag_days");
  lag.set(s, 3);
  EXPECT_EQ(s.parameters.information_lag_days, 3);
  EXPECT_EQ(lag.get(s), 3);

  const ScenarioValue georgia(s, "destinations.attractiveness[Georgia]");
  for (const auto& d : s.destinations)
    if (d.name == "Georgia") {
      EXPECT_EQ(georgia.get(s), d.attractiveness);
    }
}

TEST(ScenarioRegistry, EventsAndFlightsAreNamedByTheirKeys) {
  Scenario s = embedded();
  const ScenarioValue ban(s, "events.value[entry_ban Finland 2022-09-30]");
  EXPECT_EQ(ban.get(s), 0.7);
  EXPECT_EQ(ban.upper(), 1);  // a share
  EXPECT_THROW(ban.set(s, 1.5), std::invalid_argument);
  const ScenarioValue lars_limit(s, "events.value[approach_limit Verkhny Lars 2022-09-28]");
  EXPECT_EQ(lars_limit.get(s), 1500);
  EXPECT_GT(lars_limit.upper(), 1);
  ASSERT_FALSE(s.flights.empty());
  const std::string key = flight_key(s, s.flights[0]);
  const ScenarioValue seats(s, "flights.seats_per_day[" + key + "]");
  EXPECT_EQ(seats.get(s), s.flights[0].seats_per_day);
}

TEST(ScenarioRegistry, AScaleMultipliesAWholeColumnAsRead) {
  const Scenario as_read = embedded();
  Scenario s = as_read;
  const ScenarioValue seats(s, "flights.seats_per_day[*]");
  EXPECT_TRUE(seats.is_scale());
  EXPECT_EQ(seats.get(s), 1);
  seats.set(s, 1.5);
  seats.set(s, 0.5);  // against the values as read, not the ones last set
  for (std::size_t f = 0; f < s.flights.size(); ++f) EXPECT_EQ(s.flights[f].seats_per_day, 0.5 * as_read.flights[f].seats_per_day);
  EXPECT_EQ(seats.get(s), 0.5);
  // A share event stays a share: the scale's range stops where the largest share reaches 1.
  const ScenarioValue events(s, "events.value[*]");
  double largest_share = 0;
  for (const auto& e : s.events)
    if (e.kind == EventKind::kEntryBan || e.kind == EventKind::kExitRefusal || e.kind == EventKind::kOrdinaryRefusal)
      largest_share = std::max(largest_share, e.value);
  EXPECT_DOUBLE_EQ(events.upper(), 1 / largest_share);
  EXPECT_THROW(events.set(s, 1.01 / largest_share), std::invalid_argument);
  // Attractiveness may be negative: a factor keeps every row within the column's range either way.
  const ScenarioValue attraction(s, "destinations.attractiveness[*]");
  EXPECT_GT(attraction.upper(), 1);
  EXPECT_EQ(attraction.lower(), 0);
}

TEST(ScenarioRegistry, BadAddressesSayWhatIsWrong) {
  const Scenario s = embedded();
  EXPECT_NE(error_of(s, "base_hazzard").find("unknown parameter 'base_hazzard'"), std::string::npos);
  EXPECT_NE(error_of(s, "roads.speed[A]").find("unknown table 'roads'"), std::string::npos);
  EXPECT_NE(error_of(s, "checkpoints.open[Verkhny Lars]").find("no numeric column 'open'"), std::string::npos);
  EXPECT_NE(error_of(s, "checkpoints.vehicles_per_day[Nowhere]").find("no row 'Nowhere'"), std::string::npos);
  EXPECT_NE(error_of(s, "checkpoints.vehicles_per_day").find("is not table.column[row]"), std::string::npos);
  Scenario twice = s;
  twice.checkpoints.push_back(twice.checkpoints[0]);
  EXPECT_NE(error_of(twice, "checkpoints.vehicles_per_day[Verkhny Lars]").find("ambiguous"), std::string::npos);
}

// docs/scenario-format.md shows the registry: each parameter's row, with its default and meaning,
// and each numeric column in its table's section.
TEST(ScenarioRegistry, TheFormatDocsListEveryParameterAndColumn) {
  const std::string docs = testing::read_bytes(testing::source_dir() / "docs" / "scenario-format.md");
  ASSERT_FALSE(docs.empty());
  const ScenarioParameters defaults;
  for (const auto& p : scenario_parameters()) {
    const std::string row = fmt::format("| `{}` [{:g}] | [{:g}, {:g}] | {} |", p.name, p.get(defaults), p.lower, p.upper, p.meaning);
    EXPECT_NE(docs.find(row), std::string::npos) << "missing: " << row;
  }
  const auto section = [&](const char* heading) {
    const auto at = docs.find(heading);
    return at == std::string::npos ? std::string() : docs.substr(at, docs.find("\n## ", at + 1) - at);
  };
  const auto check = [&](const char* heading, auto columns) {
    const std::string text = section(heading);
    ASSERT_FALSE(text.empty()) << heading;
    for (const auto& c : columns) EXPECT_NE(text.find(c.name), std::string::npos) << heading << ": " << c.name;
  };
  check("## leavers.csv", leaver_columns());
  check("## regions.csv", region_columns());
  check("## destinations.csv", destination_columns());
  check("## checkpoints.csv", checkpoint_columns());
  check("## flights.csv", flight_columns());
  check("## events.csv", event_columns());
}

}  // namespace
}  // namespace exodus
