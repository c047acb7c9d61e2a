// Outputs read back are inputs: `exodus score` and `exodus report` on outputs that were cut,
// edited or made by hand answer with the file, line and field and exit 2, never a crash, an
// internal error, or a figure computed from the wrong column.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

#include "test_support.h"

namespace exodus::testing {
namespace {

namespace fs = std::filesystem;

class OutputReaders : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = make_temp_dir("readback"); }
  void TearDown() override { fs::remove_all(dir_); }
  // The exit code of `exodus ARGS`; what it printed in *out.
  int exodus(const std::string& args, std::string* out) { return run_exodus(args, out); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  fs::path dir_;
};

const std::string kTail = "Total error,refugees in camps (UNHCR),total refugees (simulation),raw UNHCR refugee count,"
                          "refugees in camps (simulation),refugee_debt";

TEST_F(OutputReaders, ScoreNamesAnOutCsvsMissingDataColumnRatherThanCrashing) {
  std::string out;
  write_files(dir_, {{"last.csv", "Day,Date," + kTail + ",A sim\n0,d,0,1,1,1,1,0,5\n"},
                     {"shifted.csv", "Day,Date,A sim,A error,B sim,B data,B error," + kTail + "\n0,d,5,0,1,1,0,0,1,1,1,1,0\n"}});
  for (const char* name : {"last.csv", "shifted.csv"}) {
    EXPECT_EQ(exodus("score " + path(name), &out), 2) << out;
    EXPECT_NE(out.find(std::string(name) + ":1: field 'A sim'"), std::string::npos) << out;
    EXPECT_EQ(out.find("internal error"), std::string::npos) << out;
  }
}

TEST_F(OutputReaders, ScoreTellsAPredictionsFileByItsColumnsWhateverTheirOrder) {
  std::string out;
  // A byte-order mark and the columns in another order: still a predictions file.
  write_files(dir_, {{"p.csv", "\xEF\xBB\xBFmedian,id,lo50,hi50,lo90,hi90\n10,x,9,11,8,12\n"},
                     {"huge.csv", "id,median,lo50,hi50,lo90,hi90\nx,1e308,1e308,1e308,1e308,1e308\n"},
                     {"neither.csv", "a,b\n1,2\n"}});
  EXPECT_EQ(exodus("score " + path("p.csv"), &out), 2);
  EXPECT_NE(out.find("is a predictions file: name the reports CSVs"), std::string::npos) << out;
  write_files(dir_, {{"r.csv", kReportsHeader + "x,entries,Georgia,,2022-09-21,2022-09-27,10,,,count,in,persons,M,2022-10-01,,\n"}});
  EXPECT_EQ(exodus("score " + path("p.csv") + " " + path("r.csv"), &out), 0) << out;
  EXPECT_NE(out.find("scored 1 figures"), std::string::npos) << out;
  EXPECT_EQ(exodus("score " + path("huge.csv") + " " + path("r.csv"), &out), 2) << out;
  EXPECT_NE(out.find("huge.csv:2: field 'median'"), std::string::npos) << out;
  EXPECT_EQ(out.find("-0"), std::string::npos) << out;
  EXPECT_EQ(exodus("score " + path("neither.csv"), &out), 2) << out;
  EXPECT_NE(out.find("neither.csv:1: is neither a predictions file"), std::string::npos) << out;
}

TEST_F(OutputReaders, ScoreRefusesAnIdThatNamesTwoFiguresAndFilesOverTheLimit) {
  std::string out;
  const std::string row = "x,entries,Georgia,,2022-09-21,2022-09-27,10,,,count,in,persons,M,2022-10-01,,\n";
  write_files(dir_, {{"p.csv", "id,median,lo50,hi50,lo90,hi90\nx,10,9,11,8,12\n"},
                     {"a.csv", kReportsHeader + row},
                     {"b.csv", kReportsHeader + row}});
  EXPECT_EQ(exodus("score " + path("p.csv") + " " + path("a.csv") + " " + path("b.csv"), &out), 2) << out;
  EXPECT_NE(out.find("b.csv:2: field 'id': id x is also used at " + path("a.csv") + ":2"), std::string::npos) << out;
  std::string many = "id,median,lo50,hi50,lo90,hi90\n";
  for (int i = 0; i < 12; ++i) many += "p" + std::to_string(i) + ",10,9,11,8,12\n";
  write_files(dir_, {{"many.csv", many}});
  EXPECT_EQ(exodus("score " + path("many.csv") + " " + path("a.csv") + " --max-reports 10", &out), 2) << out;
  EXPECT_NE(out.find("many.csv:12: holds more than 10 predictions; the limit is 10 (raise it with --max-reports)"), std::string::npos) << out;
}

TEST_F(OutputReaders, ReportNamesTheFileAndFieldOfAnEditedSummaryOrManifest) {
  std::string out;
  const fs::path run = dir_ / "run";
  ASSERT_EQ(exodus("run --quiet --days 10 --out " + run.string(), &out), 0) << out;
  const std::string summary = read_bytes(run / "summary.json"), manifest = read_bytes(run / "manifest.json");
  const auto edited = [&](const char* file, const std::string& original, const char* key, const nlohmann::json& value) {
    nlohmann::json j = nlohmann::json::parse(original);
    j[key] = value;
    write_files(run, {{file, j.dump()}});
  };
  struct Edit {
    const char* file;
    const char* key;
    nlohmann::json value;
  };
  for (const auto& e : {Edit{"summary.json", "wall_seconds", "fast"}, Edit{"manifest.json", "command", 12},
                        Edit{"manifest.json", "inputs", "none"}, Edit{"manifest.json", "rule_set", nullptr}}) {
    edited(e.file, e.file == std::string("summary.json") ? summary : manifest, e.key, e.value);
    const int code = exodus("report " + run.string() + " --out " + path("page.html"), &out);
    if (e.value.is_null()) {
      // null reads as absent: the folder is no longer recognised, and says so.
      EXPECT_EQ(code, 2) << out;
    } else {
      EXPECT_EQ(code, 2) << e.key << ": " << out;
      EXPECT_NE(out.find(std::string(e.file) + ": field '" + e.key + "'"), std::string::npos) << out;
    }
    EXPECT_EQ(out.find("internal error"), std::string::npos) << out;
    EXPECT_FALSE(fs::exists(dir_ / "page.html"));
    write_files(run, {{"summary.json", summary}, {"manifest.json", manifest}});
  }
}

// exodus report on a Flee run whose out.csv was damaged: named, never a crash.
TEST_F(OutputReaders, ReportOnAFleeRunNamesItsDamagedOutCsv) {
  std::string out;
  const fs::path run = dir_ / "mali";
  ASSERT_EQ(exodus("run mali --quiet --days 5 --out " + run.string(), &out), 0) << out;
  std::string csv = read_bytes(run / "out.csv");
  const auto header_end = csv.find('\n');
  // The header's last column becomes a camp's sim column with no data column.
  csv.insert(header_end, ",Nowhere sim");
  write_files(run, {{"out.csv", csv}});
  EXPECT_EQ(exodus("report " + run.string() + " --out " + path("page.html"), &out), 2) << out;
  EXPECT_NE(out.find("out.csv:1: field 'Nowhere sim'"), std::string::npos) << out;
  EXPECT_FALSE(fs::exists(dir_ / "page.html"));
}

// Values exodus never writes: a JSON value thousands of levels deep (writing it back out
// recursed once a level: a crash), a day's value of 1e308, a header with no day.
TEST_F(OutputReaders, ReportRefusesValuesExodusNeverWrites) {
  std::string out;
  const fs::path run = dir_ / "run";
  ASSERT_EQ(exodus("run --quiet --days 10 --out " + run.string(), &out), 0) << out;
  const std::string manifest = read_bytes(run / "manifest.json"), daily = read_bytes(run / "daily.csv");
  nlohmann::json j = nlohmann::json::parse(manifest);
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  std::string text = j.dump();
  text.replace(text.find("\"seed\":") + 7, std::to_string(j["seed"].get<std::uint64_t>()).size(), deep);
  write_files(run, {{"manifest.json", text}});
  EXPECT_EQ(exodus("report " + run.string() + " --out " + path("page.html"), &out), 2) << out.substr(0, 500);
  EXPECT_NE(out.find("manifest.json:1: nests arrays or objects more than 64 deep"), std::string::npos) << out.substr(0, 500);
  write_files(run, {{"manifest.json", manifest}});
  std::string huge = daily;
  const auto second_line = huge.find('\n') + 1, value_at = huge.rfind(',', huge.find('\n', second_line)) + 1;
  huge.replace(value_at, huge.find('\n', second_line) - value_at, "1e308");
  write_files(run, {{"daily.csv", huge}});
  EXPECT_EQ(exodus("report " + run.string() + " --out " + path("page.html"), &out), 2) << out;
  EXPECT_NE(out.find("daily.csv:2: field 'value': 1e308 is beyond"), std::string::npos) << out;
  write_files(run, {{"daily.csv", daily.substr(0, daily.find('\n') + 1)}});
  EXPECT_EQ(exodus("report " + run.string() + " --out " + path("page.html"), &out), 2) << out;
  EXPECT_NE(out.find("daily.csv:1: has no day, only its header"), std::string::npos) << out;
  EXPECT_FALSE(fs::exists(dir_ / "page.html"));
}

// The folder's files are read under the limits, which report's own options raise.
TEST_F(OutputReaders, ReportReadsUnderTheLimitsItsOptionsRaise) {
  std::string out;
  const fs::path run = dir_ / "run";
  ASSERT_EQ(exodus("run --quiet --days 10 --out " + run.string(), &out), 0) << out;
  write_files(run, {{"summary.json", read_bytes(run / "summary.json") + std::string(2 << 20, ' ')}});
  EXPECT_EQ(exodus("report " + run.string() + " --out " + path("page.html"), &out), 0) << out;
  EXPECT_EQ(exodus("report " + run.string() + " --force --max-input-mb 1 --out " + path("page.html"), &out), 2) << out;
  EXPECT_NE(out.find("summary.json"), std::string::npos) << out;
  EXPECT_NE(out.find("--max-input-mb"), std::string::npos) << out;
}

TEST_F(OutputReaders, ReportWritesOnlyIntoAFolderThatExists) {
  std::string out;
  const fs::path run = dir_ / "run";
  ASSERT_EQ(exodus("run --quiet --days 10 --out " + run.string(), &out), 0) << out;
  EXPECT_EQ(exodus("report " + run.string() + " --out " + path("missing/deeper/page.html"), &out), 4) << out;
  EXPECT_NE(out.find("is not a folder"), std::string::npos) << out;
  EXPECT_FALSE(fs::exists(dir_ / "missing"));
}

// A page exodus wrote into an output folder goes with the folder when --force replaces it.
TEST_F(OutputReaders, ForceReplacesAnOutputHoldingItsOwnPage) {
  std::string out;
  const fs::path run = dir_ / "run";
  ASSERT_EQ(exodus("run --quiet --days 10 --report --out " + run.string(), &out), 0) << out;
  ASSERT_TRUE(fs::exists(run / "report.html"));
  EXPECT_EQ(exodus("run --quiet --days 10 --force --out " + run.string(), &out), 0) << out;
  // A file of the user's is still a reason to refuse.
  write_files(run, {{"report.html", "<html>my own page</html>"}});
  EXPECT_EQ(exodus("run --quiet --days 10 --force --out " + run.string(), &out), 4) << out;
  EXPECT_EQ(read_bytes(run / "report.html"), "<html>my own page</html>");
}

TEST_F(OutputReaders, ASeedBeyondTheLargestIsRefusedNotClamped) {
  std::string out;
  for (const char* verb : {"run --days 5", "estimate examples/reports/seeds-2022.csv", "calibrate"}) {
    EXPECT_EQ(run_exodus_in(source_dir(), std::string(verb) + " --seed 18446744073709551616 --out " + path("s"), &out), 2)
        << verb << ": " << out;
    EXPECT_NE(out.find("is larger than the largest seed"), std::string::npos) << out;
  }
  EXPECT_FALSE(fs::exists(dir_ / "s"));
}

}  // namespace
}  // namespace exodus::testing
