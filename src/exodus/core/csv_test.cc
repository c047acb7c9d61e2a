#include "exodus/core/csv.h"

#include <gtest/gtest.h>

#include "exodus/core/error.h"

namespace exodus {
namespace {

std::vector<CsvRow> parse(const std::string& text) { return parse_csv({"t.csv", text}); }

TEST(Csv, SplitsFieldsAndKeepsLineNumbers) {
  const auto rows = parse("a,b,c\n\n1,2,3\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].fields, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(rows[1].line, 3u);
  EXPECT_EQ(rows[1].fields[2], "3");
}

TEST(Csv, HandlesQuotesCommasAndDoubledQuotes) {
  const auto rows = parse("\"x, y\",\"say \"\"hi\"\"\",plain\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].fields[0], "x, y");
  EXPECT_EQ(rows[0].fields[1], "say \"hi\"");
  EXPECT_EQ(rows[0].fields[2], "plain");
}

TEST(Csv, AcceptsCrlfBomAndMissingFinalNewline) {
  const auto rows = parse("\xEF\xBB\xBFname,v\r\nA,1\r\nB,2");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].fields[0], "name");
  EXPECT_EQ(rows[2].fields[1], "2");
  EXPECT_EQ(rows[2].line, 3u);
}

TEST(Csv, QuotedLineBreakCountsLinesForLaterRows) {
  const auto rows = parse("\"two\nlines\",x\nnext,y\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].fields[0], "two\nlines");
  EXPECT_EQ(rows[1].line, 3u);
}

TEST(Csv, KeepsEmptyTrailingField) {
  const auto rows = parse("a,b,\n");
  ASSERT_EQ(rows[0].fields.size(), 3u);
  EXPECT_EQ(rows[0].fields[2], "");
}

TEST(Csv, UnterminatedQuoteIsAnErrorWithItsLine) {
  try {
    parse("ok,1\n\"never closed,2\n");
    FAIL() << "expected an error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.pos().line, 2u);
    EXPECT_NE(std::string(e.what()).find("never closed"), std::string::npos);
  }
}

TEST(Csv, RejectsNulBytesAndInvalidUtf8) {
  EXPECT_THROW(parse(std::string("a,b\nc,\0d\n", 9)), InputError);
  try {
    parse("a,b\nc,\xff\n");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.pos().line, 2u);
    EXPECT_NE(std::string(e.what()).find("UTF-8"), std::string::npos);
  }
}

// A control character in a field would reach the terminal in every table and error that names
// the field: refused where it is read, with its line, its column and what it is.
TEST(Csv, RefusesControlCharactersNamingLineColumnAndCharacter) {
  struct Case {
    std::string text;
    std::size_t line;
    std::string column, said;
  };
  const Case cases[] = {
      {"name,v\nN1\x1b[31m,2\n", 2, "column 1", "holds the control character U+001B (ESC)"},
      {"name,v\nN1,2\x7F\n", 2, "column 2", "holds the control character U+007F (DEL)"},
      {"name,v\nok,1\nN1,\xC2\x9B" "31m\n", 3, "column 2", "holds the control character U+009B (CSI)"},
      {"a,b\n\"quoted\x07\",1\n", 2, "column 1", "holds the control character U+0007 (BEL)"},  // in quotes too
      {"a,b\n\"two\nlines\x08\",1\n", 3, "column 1", "holds the control character U+0008 (BS)"},
      {"a,b\n1,\xC2\x85\n", 2, "column 2", "holds the control character U+0085 (NEL)"},
  };
  for (const auto& c : cases) {
    try {
      parse(c.text);
      ADD_FAILURE() << "accepted " << c.said;
    } catch (const InputError& e) {
      EXPECT_EQ(e.pos().file, "t.csv");
      EXPECT_EQ(e.pos().line, c.line) << c.said;
      EXPECT_EQ(e.pos().field, c.column) << c.said;
      EXPECT_NE(std::string(e.what()).find(c.said), std::string::npos) << e.what();
    }
  }
}

TEST(Csv, AcceptsTabsLineBreaksAndCharactersBesideTheControls) {
  // Tab, CR and LF; U+00A0 (0xC2 0xA0, just past the C1 controls) and U+007E just before DEL.
  const auto rows = parse("a\tb,c\r\n\"x\ry\",\xC2\xA0~\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].fields[0], "a\tb");
  EXPECT_EQ(rows[1].fields[0], "x\ry");
  EXPECT_EQ(rows[1].fields[1], "\xC2\xA0~");
}

// A binary file (an executable starts with DEL) is named by its NUL byte, not by the control
// characters before it.
TEST(Csv, ABinaryFileIsNamedByItsNulByte) {
  try {
    parse(std::string("\x7F" "ELF\x01\0", 6));
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("contains a NUL byte (binary file?)"), std::string::npos) << e.what();
  }
}

TEST(Csv, AcceptsMultibyteUtf8) {
  const auto rows = parse("Réfugiés,été\n");
  EXPECT_EQ(rows[0].fields[0], "Réfugiés");
}

TEST(CsvField, WhatItWritesTheReaderReadsBack) {
  const std::vector<std::string> names = {"plain", "a, b", "say \"hi\"", "two\nlines", " padded "};
  std::string text;
  for (const auto& n : names) text += csv_field(n) + "," + csv_field(n, true) + "\n";
  const auto rows = parse_csv({"round.csv", text});
  std::size_t i = 0;
  for (const auto& n : names) {
    ASSERT_LT(i, rows.size());
    EXPECT_EQ(rows[i].fields, (std::vector<std::string>{n, n})) << n;
    ++i;
  }
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field("a, b"), "\"a, b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
}

}  // namespace

}  // namespace exodus
