// A file of tiny rows or cells would hold forty times its size in memory: parse_csv stops at its
// bounds while reading, naming the line.
#include <gtest/gtest.h>

#include <string>

#include "exodus/core/csv.h"
#include "exodus/core/error.h"

namespace exodus {
namespace {

CsvBounds sized(std::size_t rows, std::size_t cells) {
  CsvBounds b;
  b.rows = rows;
  b.cells = cells;
  return b;
}

TEST(CsvBounds, RowsAndCellsAreBoundedWhileReading) {
  std::string rows = "a\n";
  for (int i = 0; i < 20; ++i) rows += "1\n";
  EXPECT_EQ(parse_csv({"f.csv", rows}, sized(21, 100)).size(), 21u);
  try {
    parse_csv({"f.csv", rows}, sized(10, 100));
    ADD_FAILURE() << "21 rows read under a bound of 10";
  } catch (const InputError& e) {
    EXPECT_EQ(e.pos().line, 11u) << e.what();
    EXPECT_NE(std::string(e.what()).find("holds more than 10 rows"), std::string::npos) << e.what();
  }
  EXPECT_THROW(parse_csv({"f.csv", "a,b,c\n1,2,3\n4,5,6\n"}, sized(100, 8)), InputError);
  EXPECT_EQ(parse_csv({"f.csv", "a,b,c\n1,2,3\n4,5,6\n"}, sized(100, 9)).size(), 3u);
}

// A reader's own limit on its data rows stops the reading at the first row over it.
TEST(CsvBounds, AReadersLimitOnItsRowsStopsAtTheFirstRowOverIt) {
  std::string rows = "a\n";
  for (int i = 0; i < 20; ++i) rows += "1\n";
  EXPECT_EQ(parse_csv({"f.csv", rows}, {.data_rows = 20, .option = "--max-reports", .what = "reports"}).size(), 21u);
  try {
    parse_csv({"f.csv", rows}, {.data_rows = 5, .option = "--max-reports", .what = "reports"});
    ADD_FAILURE() << "20 rows read under a limit of 5";
  } catch (const InputError& e) {
    EXPECT_EQ(e.pos().line, 7u) << e.what();
    EXPECT_NE(std::string(e.what()).find("holds more than 5 reports; the limit is 5 (raise it with --max-reports)"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace exodus
