// An out.csv read back is an input: every way a hand-made or damaged one can mislead the score
// is refused with its line and column.
#include "exodus/score/flee_out_csv_reader.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "exodus/core/error.h"
#include "exodus/score/flee_score.h"
#include "test_support.h"

namespace exodus {
namespace {

const std::string kTail = "Total error,refugees in camps (UNHCR),total refugees (simulation),raw UNHCR refugee count,"
                          "refugees in camps (simulation),refugee_debt";

std::string two_days(const std::string& header, const std::string& row0, const std::string& row1) {
  return header + "\n" + row0 + "\n" + row1 + "\n";
}

// The problem the reader reports: its first error's position and message.
InputError first_error(const std::string& content) {
  try {
    read_flee_out_csv(testing::text("out.csv", content));
  } catch (const InputErrors& e) {
    return e.errors().front();
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "accepted:\n" << content;
  return InputError({}, "");
}

TEST(FleeOutCsvReader, FindsEachCampsDataColumnByNameWhereverItStands) {
  // data before sim, and an unrelated column between: read by name, not by position.
  const auto t = read_flee_out_csv(testing::text(
      "out.csv", two_days("Day,Date,A data,A error,A sim," + kTail, "0,2020-01-02,10,0.5,5,0.5,10,5,20,5,0",
                          "1,2020-01-03,20,0.0,20,0.0,20,20,40,20,0")));
  ASSERT_EQ(t.camps, std::vector<std::string>{"A"});
  EXPECT_EQ(t.sim[0][0], 5);
  EXPECT_EQ(t.data[0][0], 10);
  EXPECT_EQ(t.data[1][0], 20);
}

TEST(FleeOutCsvReader, ASimColumnWithoutItsDataColumnIsNamed) {
  // The sim column last (once a read past the header's end), and one whose next column is another camp's.
  for (const std::string& header : {"Day,Date," + kTail + ",A sim", "Day,Date,A sim,A error,B sim,B data,B error," + kTail}) {
    const auto e = first_error(two_days(header, "0,d,1,1,1,1,1,1,1,1,1,1,1", "1,d,1,1,1,1,1,1,1,1,1,1,1"));
    EXPECT_EQ(e.pos().line, 1u) << e.what();
    EXPECT_EQ(e.pos().field, "A sim") << e.what();
    EXPECT_NE(std::string(e.what()).find("no 'A data' column"), std::string::npos) << e.what();
  }
}

TEST(FleeOutCsvReader, CountsOutOfRangeOrNotNumbersAreRefusedWithTheirCell) {
  const std::string header = "Day,Date,A sim,A data,A error," + kTail;
  for (const char* bad : {"1e19", "-3", "nan", "x", "1e308"}) {
    const auto e = first_error(two_days(header, std::string("0,d,") + bad + ",1,0,0,1,1,1,1,0", "1,d,1,1,0,0,1,1,1,1,0"));
    EXPECT_EQ(e.pos().line, 2u) << bad << ": " << e.what();
    EXPECT_EQ(e.pos().field, "A sim") << bad << ": " << e.what();
  }
}

TEST(FleeOutCsvReader, DaysMustCountUpOneRowADayFromZero) {
  const std::string header = "Day,Date,A sim,A data,A error," + kTail;
  const std::string row = ",d,1,1,0,0,1,1,1,1,0";
  for (const auto& [day0, day1] : {std::pair{"0", "0"}, std::pair{"1", "0"}, std::pair{"0", "4294967297"}, std::pair{"0", "2"}}) {
    const auto e = first_error(two_days(header, day0 + row, day1 + row));
    EXPECT_EQ(e.pos().field, "Day") << day0 << "," << day1 << ": " << e.what();
  }
}

TEST(FleeOutCsvReader, AShortRowNamesTheColumnItLacks) {
  const auto e = first_error(two_days("Day,Date,A sim,A data,A error," + kTail, "0,d,1,1,0,0,1,1,1,1,0", "1,d,1"));
  EXPECT_EQ(e.pos().line, 3u) << e.what();
  EXPECT_EQ(e.pos().field, "A data") << e.what();
}

TEST(FleeOutCsvReader, MoreDaysThanTheLimitAreRefusedBeforeTheyAreRead) {
  const std::string header = "Day,Date,A sim,A data,A error," + kTail;
  const std::string content = two_days(header, "0,d,1,1,0,0,1,1,1,1,0", "1,d,1,1,0,0,1,1,1,1,0");
  EXPECT_EQ(read_flee_out_csv(testing::text("out.csv", content), 2).days(), 2u);
  try {
    read_flee_out_csv(testing::text("out.csv", content), 1);
    ADD_FAILURE() << "two days read under a limit of one";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("--max-days"), std::string::npos) << e.what();
  }
}

// The rescaled error of counts at the reader's bounds: no integer overflow.
TEST(FleeOutCsvReader, TheLargestCountsScoreWithoutOverflow) {
  const std::string header = "Day,Date,A sim,A data,A error," + kTail;
  const auto t = read_flee_out_csv(testing::text("out.csv", two_days(header, "0,d,1e10,1e10,0,0,1e10,1e10,1e10,1,0",
                                                                     "1,d,0,0,0,0,0,0,0,0,0")));
  const auto s = score_flee(t);
  EXPECT_TRUE(std::isfinite(s.ard_rescaled));
  EXPECT_GT(s.ard_rescaled, 0);
}

}  // namespace
}  // namespace exodus
