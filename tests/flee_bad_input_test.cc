// Every malformed Flee input gets an error naming its file, line and field.
#include <gtest/gtest.h>

#include <ostream>

#include <functional>

#include "exodus/core/error.h"
#include "tiny_flee_case.h"

namespace exodus::testing {
namespace {

struct BadInput {
  const char* name;
  std::function<void(TinyFleeCase&)> spoil;
  const char* file;      // suffix of the file named in the error
  std::size_t line;      // 0: the whole file
  const char* field;     // "" when no field
  const char* message;   // a substring of the message
};
// The case's name, where GoogleTest would print the struct's bytes.
void PrintTo(const BadInput& c, std::ostream* os) { *os << c.name; }

void replace(std::string& s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  s.replace(at, from.size(), to);
}

const BadInput kCases[] = {
    {"bad population number", [](auto& c) { replace(c.input["locations.csv"], "10000", "10k"); },
     "locations.csv", 2, "population", "expected a whole number"},
    {"negative population", [](auto& c) { replace(c.input["locations.csv"], "5000", "-5"); },
     "locations.csv", 3, "population", "outside the allowed range"},
    {"duplicate location", [](auto& c) { c.input["locations.csv"] += "B,R,Home,0,1,town,,1\n"; },
     "locations.csv", 6, "name", "duplicate location 'B'"},
    {"unknown location type", [](auto& c) { replace(c.input["locations.csv"], "town", "village"); },
     "locations.csv", 3, "location_type", "unknown location type 'village'"},
    {"too few location columns", [](auto& c) { c.input["locations.csv"] += "E,R,Home\n"; },
     "locations.csv", 6, "", "expected 8 columns"},
    {"latitude out of range", [](auto& c) { replace(c.input["locations.csv"], "B,R,Home,0,1", "B,R,Home,95,1"); },
     "locations.csv", 3, "latitude", "between -90 and 90"},
    {"conflict zone without date", [](auto& c) { replace(c.input["locations.csv"], "conflict_zone,0", "conflict_zone,"); },
     "locations.csv", 2, "conflict_date", "needs a conflict_date"},
    {"empty location name", [](auto& c) { c.input["locations.csv"] += " ,R,Home,0,0,town,,1\n"; },
     "locations.csv", 6, "name", "is empty"},
    {"unknown location in route", [](auto& c) { c.input["routes.csv"] += "A,Z,10,0\n"; },
     "routes.csv", 5, "name2", "unknown location 'Z'"},
    {"negative distance", [](auto& c) { replace(c.input["routes.csv"], "A,B,100", "A,B,-100"); },
     "routes.csv", 2, "distance", "must be positive"},
    {"distance not a number", [](auto& c) { replace(c.input["routes.csv"], "B,C,200", "B,C,far"); },
     "routes.csv", 3, "distance", "expected a number, found 'far'"},
    {"route to itself", [](auto& c) { c.input["routes.csv"] += "C,C,5,0\n"; },
     "routes.csv", 5, "name2", "to itself"},
    {"bad forced redirection", [](auto& c) { replace(c.input["routes.csv"], "A,B,100,0", "A,B,100,7"); },
     "routes.csv", 2, "forced_redirection", "outside the allowed range"},
    {"unknown closure type", [](auto& c) { c.input["closures.csv"] += "wall,A,B,1,2\n"; },
     "closures.csv", 2, "closure_type", "unknown closure type 'wall'"},
    {"reversed closure window", [](auto& c) { c.input["closures.csv"] += "link,A,B,5,2\n"; },
     "closures.csv", 2, "closure_end", "before closure_start"},
    {"closure of unknown country", [](auto& c) { c.input["closures.csv"] += "country,Home,Mars,1,2\n"; },
     "closures.csv", 2, "name2", "unknown country 'Mars'"},
    {"closure of missing link", [](auto& c) { c.input["closures.csv"] += "link,A,C,1,2\n"; },
     "closures.csv", 2, "name2", "no route joins"},
    {"wrong start date", [](auto& c) { replace(c.input["sim_period.csv"], "2020-01-01", "2020-02-30"); },
     "sim_period.csv", 1, "StartDate", "expected a date as YYYY-MM-DD"},
    {"missing length", [](auto& c) { c.input["sim_period.csv"] = "StartDate,2020-01-01\n"; },
     "sim_period.csv", 0, "Length", "is missing"},
    {"absurd length", [](auto& c) { replace(c.input["sim_period.csv"], "Length,10", "Length,1000000000"); },
     "sim_period.csv", 2, "Length", "the limit is 3,660 (raise it with --max-days)"},
    {"conflicts too short", [](auto& c) { c.input["conflicts.csv"] = "#Day,A\n0,1\n1,1\n"; },
     "conflicts.csv", 0, "", "has 2 day rows, the simulation runs 10 days"},
    {"conflict day out of order", [](auto& c) { replace(c.input["conflicts.csv"], "\n3,1\n", "\n7,1\n"); },
     "conflicts.csv", 5, "day", "expected 3"},
    {"negative conflict intensity", [](auto& c) { replace(c.input["conflicts.csv"], "\n2,1\n", "\n2,-1\n"); },
     "conflicts.csv", 4, "A", "must not be negative"},
    {"missing conflict value", [](auto& c) { c.input["conflicts.csv"] = "#Day,A,B\n0,1,0\n1,1\n"; },
     "conflicts.csv", 3, "", "has 1 values, the header names 2"},
    {"missing locations file", [](auto& c) { c.input.erase("locations.csv"); },
     "locations.csv", 0, "", "file not found"},
    {"validation date not a date", [](auto& c) { replace(c.validation["c.csv"], "2020-01-11", "11/01/2020"); },
     "c.csv", 3, "date", "expected a date"},
    {"validation count negative", [](auto& c) { replace(c.validation["d.csv"], "2020-01-11,40", "2020-01-11,-40"); },
     "d.csv", 3, "count", "must not be negative"},
    {"validation dates not increasing", [](auto& c) { c.validation["c.csv"] += "2020-01-05,20\n"; },
     "c.csv", 4, "date", "dates must increase"},
    {"camp missing from data layout", [](auto& c) { c.validation["data_layout.csv"] = "total,total.csv\nC,c.csv\n"; },
     "data_layout.csv", 0, "", "camp 'D'"},
    {"validation file missing", [](auto& c) { c.validation.erase("d.csv"); },
     "data_layout.csv", 3, "file 1", "file not found"},
    {"correction for unknown camp", [](auto& c) { c.input["registration_corrections.csv"] = "Q,2020-01-11\n"; },
     "registration_corrections.csv", 1, "camp", "no series named 'Q'"},
    {"correction date matches no point", [](auto& c) { c.input["registration_corrections.csv"] = "C,2020-01-05\n"; },
     "registration_corrections.csv", 1, "date", "not the date of a data point"},
    {"unknown setting", [](auto& c) { c.settings = "move_rules:\n  max_move_sped: 200\n"; },
     "simsetting.yml", 2, "move_rules.max_move_sped", "unknown setting"},
    {"setting not a number", [](auto& c) { c.settings = "move_rules:\n  softening: ten\n"; },
     "simsetting.yml", 2, "move_rules.softening", "expected a number"},
    {"probability above one", [](auto& c) { c.settings = "move_rules:\n  camp_movechance: 1.5\n"; },
     "simsetting.yml", 2, "move_rules.camp_movechance", "probability"},
    {"unsupported Flee option", [](auto& c) { c.settings = "move_rules:\n  start_on_foot: True\n"; },
     "simsetting.yml", 2, "move_rules.start_on_foot", "not implemented by exodus"},
    {"invalid yaml", [](auto& c) { c.settings = "move_rules: [\n"; },
     "simsetting.yml", 2, "", "not valid YAML"},
    {"unterminated quote", [](auto& c) { c.input["routes.csv"] += "\"A,B,1\n"; },
     "routes.csv", 5, "", "never closed"},
};

// A bad sim_period.csv once kept the validation folder from being read, hiding its errors.
TEST(FleeBadInputs, ABadSimPeriodHidesNoOtherFilesErrors) {
  TinyFleeCase c;
  replace(c.input["sim_period.csv"], "2020-01-01", "2020-02-30");
  replace(c.validation["d.csv"], "2020-01-11,40", "2020-01-11,-40");
  try {
    c.world();
    FAIL() << "no error";
  } catch (const InputErrors& errors) {
    const std::string all = errors.what();
    EXPECT_NE(all.find("sim_period.csv:1: field 'StartDate'"), std::string::npos) << all;
    EXPECT_NE(all.find("d.csv:3: field 'count': must not be negative"), std::string::npos) << all;
  }
}

// Without simsetting.yml or validation data, the error names the option to give, not a file
// called "defaults".
TEST(FleeBadInputs, MissingValidationDataNamesTheOptionToGive) {
  TinyFleeCase c;
  c.validation.clear();
  try {
    c.world();
    FAIL() << "no error";
  } catch (const InputErrors& errors) {
    const std::string all = errors.what();
    EXPECT_NE(all.find("--validation: agents are spawned from the validation data"), std::string::npos) << all;
    EXPECT_EQ(all.find("defaults"), std::string::npos) << all;
  }
}

class FleeBadInput : public ::testing::TestWithParam<BadInput> {};

TEST_P(FleeBadInput, ReportsFileLineAndField) {
  const auto& bad = GetParam();
  TinyFleeCase c;
  bad.spoil(c);
  try {
    c.world();
    FAIL() << "no error for: " << bad.name;
  } catch (const InputErrors& errors) {
    bool matched = false;
    for (const auto& e : errors.errors()) {
      matched = matched || (e.pos().file.ends_with(bad.file) && e.pos().line == bad.line &&
                            e.pos().field == bad.field &&
                            e.message().find(bad.message) != std::string::npos);
    }
    EXPECT_TRUE(matched) << bad.name << " gave:\n" << errors.what();
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, FleeBadInput, ::testing::ValuesIn(kCases),
                         [](const auto& case_info) {
                           std::string n = case_info.param.name;
                           for (auto& ch : n) if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return n;
                         });

TEST(FleeBadInput, ReportsEveryProblemNotJustTheFirst) {
  TinyFleeCase c;
  replace(c.input["locations.csv"], "10000", "x");
  replace(c.input["routes.csv"], "B,C,200", "B,C,-2");
  c.input["closures.csv"] += "wall,A,B,1,2\n";
  try {
    c.world();
    FAIL();
  } catch (const InputErrors& errors) {
    EXPECT_GE(errors.errors().size(), 3u) << errors.what();
  }
}

TEST(FleeBadInput, TinyCaseIsValid) {
  TinyFleeCase c;
  EXPECT_NO_THROW(c.world());
}

}  // namespace
}  // namespace exodus::testing
