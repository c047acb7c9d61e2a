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
