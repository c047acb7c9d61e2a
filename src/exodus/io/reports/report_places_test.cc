#include "exodus/io/reports/report_places.h"

#include <gtest/gtest.h>

#include "exodus/io/reports/reports_reader.h"
#include "test_support.h"
#include "tiny_scenario.h"

namespace exodus {
namespace {

ReportSet read(const std::string& rows) { return read_reports({"r.csv", testing::kReportsHeader + rows}); }

std::string all_of(const std::vector<InputError>& errors) {
  std::string out;
  for (const auto& e : errors) out += std::string(e.what()) + "\n";
  return out;
}

// The tiny scenario: destinations North (group Club), South, Air; checkpoints N1 -> North, S1 -> South.
TEST(ReportPlaces, NamesTheScenarioLacksAreErrorsWithTheNearestName) {
  const Scenario s = testing::TinyScenario().read();
  const auto errors = check_report_places(read("a,entries,Nort,,,2022-09-10,5,,,count,,,,,,\n"
                                               "b,entries,North;Club,,,2022-09-10,5,,,count,,,,,,\n"
                                               "c,queue_vehicles,North,N2,,2022-09-10,5,,,count,,,,,,\n"
                                               "d,queue_vehicles,North,S1,,2022-09-10,5,,,count,,,,,,\n"
                                               "e,departures,ALL,,,2022-09-10,5,,,estimate,,,,,,\n"),
                                          s);
  const std::string all = all_of(errors);
  ASSERT_EQ(errors.size(), 3u) << all;
  EXPECT_NE(all.find("r.csv:2: field 'destination': 'Nort' is not a destination of scenario 'tiny' (did you mean 'North'?)"),
            std::string::npos) << all;
  EXPECT_NE(all.find("r.csv:4: field 'checkpoint': 'N2' is not a checkpoint of scenario 'tiny' (did you mean 'N1'?)"),
            std::string::npos) << all;
  EXPECT_NE(all.find("r.csv:5: field 'checkpoint': 'S1' leads to South"), std::string::npos) << all;
}

TEST(ReportPlaces, WithoutAScenarioNearDuplicatesAreWarnings) {
  const auto warnings = near_duplicate_places(read("a,entries,Kazakhstan,,,2022-09-10,5,,,count,,,,,,\n"
                                                   "b,entries,Kazakstan,,,2022-09-10,5,,,count,,,,,,\n"
                                                   "c,entries,Georgia;Armenia,,,2022-09-10,5,,,count,,,,,,\n"));
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("'Kazakhstan' (line 2) and 'Kazakstan' (line 3)"), std::string::npos) << warnings[0];
  // Names that differ only in case are two corridors too.
  const auto cased = near_duplicate_places(read("a,entries,Georgia,,,2022-09-10,5,,,count,,,,,,\n"
                                                "b,entries,georgia,,,2022-09-10,5,,,count,,,,,,\n"));
  ASSERT_EQ(cased.size(), 1u);
  EXPECT_NE(cased[0].find("'Georgia' (line 2) and 'georgia' (line 3)"), std::string::npos) << cased[0];
}

// Forty names a letter apart are 780 look-alike pairs: ten are listed, the rest counted.
TEST(ReportPlaces, LookAlikesPastTheTenthAreCountedNotListed) {
  std::string rows;
  for (int i = 0; i < 40; ++i)
    rows += "r" + std::to_string(i) + ",entries,Place" + std::to_string(i) + ",,,2022-09-10,5,,,count,,,,,,\n";
  const auto warnings = near_duplicate_places(read(rows));
  ASSERT_EQ(warnings.size(), 11u);
  EXPECT_NE(warnings.back().find("and 770 more pairs of destinations that look alike"), std::string::npos)
      << warnings.back();
}

// The repository's own reports files name real, distinct places: no false alarm.
TEST(ReportPlaces, TheShippedReportsFitTheScenarioAndRaiseNoWarning) {
  const auto file = read_text_file(testing::source_dir() / "examples" / "reports" / "seeds-2022.csv");
  const ReportSet seeds = read_reports(file);
  EXPECT_TRUE(near_duplicate_places(seeds).empty());
}

}  // namespace
}  // namespace exodus
