// docs/outputs.md is kept true: each verb's files hold exactly the columns, metrics and keys
// the page lists (tables marked "doc-check").
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "exodus/observe/report_support.h"
#include "test_support.h"
#include "tiny_flee_calibration.h"
#include "tiny_scenario.h"

namespace exodus::testing {
namespace {

using Names = std::set<std::string>;

// The names in each doc-check table: the backticked names of a row's first cell (several,
// comma-separated, may share a row), or "kind/metric" in a table headed "| kind | metric |".
std::map<std::string, Names> documented() {
  std::ifstream in(source_dir() / "docs" / "outputs.md");
  std::map<std::string, Names> tables;
  std::string line, table;
  int row = 0;
  bool pairs = false;  // a "| kind | metric |" table: names are kind/metric
  const auto ticked = [](const std::string& cell) {
    std::vector<std::string> out;
    for (std::size_t a = cell.find('`'); a != std::string::npos; a = cell.find('`', a + 1)) {
      const auto b = cell.find('`', a + 1);
      if (b == std::string::npos) break;
      out.push_back(cell.substr(a + 1, b - a - 1));
      a = b;
    }
    return out;
  };
  const auto trim = [](std::string s) {
    while (!s.empty() && s.front() == ' ') s.erase(s.begin());
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
  };
  while (std::getline(in, line)) {
    const std::string marker = "<!-- doc-check: ";
    if (line.rfind(marker, 0) == 0) {
      table = line.substr(marker.size(), line.find(" -->") - marker.size());
      tables[table];
      row = 0;
      continue;
    }
    if (table.empty()) continue;
    if (line.empty() || line[0] != '|') {
      if (row > 0) table.clear();
      continue;
    }
    if (++row == 1) pairs = line.rfind("| kind | metric |", 0) == 0;
    if (row <= 2) continue;  // header and separator
    std::vector<std::string> cells;
    std::stringstream ss(line.substr(1));
    std::string cell;
    while (std::getline(ss, cell, '|')) cells.push_back(trim(cell));
    const auto second = pairs && cells.size() > 1 ? ticked(cells[1]) : std::vector<std::string>{};
    for (const auto& name : ticked(cells[0])) tables[table].insert(pairs && !second.empty() ? name + "/" + second[0] : name);
  }
  return tables;
}

Names keys(const nlohmann::json& object) {
  Names out;
  for (auto it = object.begin(); it != object.end(); ++it) out.insert(it.key());
  return out;
}

Names csv_header(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string header, cell;
  std::getline(in, header);
  Names out;
  std::stringstream ss(header);
  while (std::getline(ss, cell, ',')) out.insert(cell);
  return out;
}

// The values of one column (by position) over a CSV's rows, or pairs of two.
Names column_values(const std::filesystem::path& file, std::size_t a, std::size_t b = SIZE_MAX) {
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  Names out;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) cells.push_back(cell);
    const auto unquote = [](std::string s) { return s.size() >= 2 && s.front() == '"' ? s.substr(1, s.size() - 2) : s; };
    out.insert(b == SIZE_MAX ? unquote(cells.at(a)) : unquote(cells.at(a)) + "/" + unquote(cells.at(b)));
  }
  return out;
}

nlohmann::json read_json(const std::filesystem::path& file) { return nlohmann::json::parse(std::ifstream(file)); }

class OutputsDoc : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = make_temp_dir("outputs-doc");
    doc_ = documented();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  const Names& doc(const std::string& table) {
    EXPECT_TRUE(doc_.count(table)) << "docs/outputs.md has no table '" << table << "'";
    return doc_[table];
  }
  std::filesystem::path dir_;
  std::map<std::string, Names> doc_;
};

TEST_F(OutputsDoc, TheScenarioRunsFilesHoldWhatThePageLists) {
  std::string out;
  ASSERT_EQ(run_exodus("run --quiet --out " + (dir_ / "r").string(), &out), 0) << out;
  const auto r = dir_ / "r";
  EXPECT_EQ(csv_header(r / "daily.csv"), doc("run daily.csv columns"));
  EXPECT_EQ(column_values(r / "daily.csv", 2, 4), doc("run daily.csv metrics"));
  const auto summary = read_json(r / "summary.json");
  EXPECT_EQ(keys(summary), doc("run summary.json keys"));
  EXPECT_EQ(keys(summary["destinations"][0]), doc("run summary.json destinations"));
  EXPECT_EQ(keys(summary["checkpoints"][0]), doc("run summary.json checkpoints"));
  EXPECT_EQ(keys(summary["reports"]), doc("run summary.json reports"));
  EXPECT_EQ(keys(summary["reports"]["rows"][0]), doc("run summary.json report rows"));
  EXPECT_EQ(csv_header(r / "reports_fit.csv"), doc("reports_fit.csv columns"));
  EXPECT_EQ(keys(read_json(r / "manifest.json")), doc("run manifest.json keys"));
  EXPECT_EQ(csv_header(r / "places.csv"), doc("run places.csv columns"));
  EXPECT_EQ(column_values(r / "places.csv", 0), (Names{"region", "checkpoint", "destination"}));
  // The default scenario is held against reports, not targets.csv: a tiny one with a target.
  TinyScenario tiny;
  tiny.files["targets.csv"] += "north_week,entries,North,2022-09-05,2022-09-11,1000,500,2000\n";
  write_files(dir_ / "tiny", tiny.files);
  ASSERT_EQ(run_exodus("run " + (dir_ / "tiny").string() + " --quiet --out " + (dir_ / "t").string(), &out), 0) << out;
  EXPECT_EQ(keys(read_json(dir_ / "t" / "summary.json")["targets"]["rows"][0]), doc("run summary.json target rows"));
}

TEST_F(OutputsDoc, AFleeRunsFilesHoldWhatThePageLists) {
  std::string out;
  ASSERT_EQ(run_exodus("run mali --quiet --out " + (dir_ / "m").string(), &out), 0) << out;
  const auto m = dir_ / "m";
  // out.csv: three columns per camp, then Flee's fixed ones.
  Names fixed, per_camp;
  for (const auto& column : csv_header(m / "out.csv")) {
    bool camp = false;
    for (const char* suffix : {" sim", " data", " error"}) {
      const std::string s = suffix;
      if (column != "Total error" && column.size() > s.size() && column.compare(column.size() - s.size(), s.size(), s) == 0) {
        per_camp.insert("CAMP" + s);
        camp = true;
      }
    }
    if (!camp) fixed.insert(column);
  }
  EXPECT_EQ(fixed, doc("flee out.csv columns"));
  EXPECT_EQ(per_camp, doc("flee out.csv camp columns"));
  const auto summary = read_json(m / "summary.json");
  EXPECT_EQ(keys(summary), doc("flee summary.json keys"));
  EXPECT_EQ(keys(summary["validation"]), doc("flee summary.json validation"));
  EXPECT_EQ(keys(read_json(m / "manifest.json")), doc("flee manifest.json keys"));
  // One date for day 0 everywhere: out.csv's first row and summary.json's first day agree.
  std::ifstream csv(m / "out.csv");
  std::string line;
  std::getline(csv, line);
  std::getline(csv, line);
  EXPECT_EQ(line.substr(0, 12), "0," + summary["validation"]["daily"][0]["date"].get<std::string>());
}

TEST_F(OutputsDoc, TheEstimatesFilesHoldWhatThePageLists) {
  std::string out;
  ASSERT_EQ(run_exodus("estimate " + (source_dir() / "examples/reports/seeds-2022.csv").string() + " --predict " +
                           (source_dir() / "examples/reports/reports-to-2022-09-30.csv").string() +
                           " --laplace --quiet --out " + (dir_ / "e").string(), &out), 0) << out;
  const auto e = dir_ / "e";
  EXPECT_EQ(csv_header(e / "daily.csv"), doc("estimate daily.csv columns"));
  EXPECT_EQ(column_values(e / "daily.csv", 4), doc("estimate daily.csv quantities"));
  // Every basis a day can have is documented; the seeds' days show most of them.
  Names bases;
  for (int b = 0; b <= static_cast<int>(FlowBasis::kExtrapolated); ++b) bases.insert(to_string(static_cast<FlowBasis>(b)));
  EXPECT_EQ(bases, doc("estimate daily.csv basis"));
  for (const auto& b : column_values(e / "daily.csv", 10)) EXPECT_TRUE(bases.count(b)) << b;
  EXPECT_EQ(csv_header(e / "reports_fit.csv"), doc("reports_fit.csv columns"));
  EXPECT_EQ(csv_header(e / "predictions.csv"), doc("estimate predictions.csv columns"));
  const auto summary = read_json(e / "summary.json");
  EXPECT_EQ(keys(summary), doc("estimate summary.json keys"));
  EXPECT_EQ(keys(summary["corridors"][0]), doc("estimate summary.json corridors"));
  EXPECT_EQ(keys(summary["totals"][0]), doc("estimate summary.json totals"));
  EXPECT_EQ(keys(read_json(e / "manifest.json")), doc("estimate manifest.json keys"));
}

TEST_F(OutputsDoc, ACalibrationsFilesHoldWhatThePageLists) {
  TinyScenario tiny;
  tiny.files["priors.csv"] = "parameter,prior,center,spread,lower,upper,reasoning\nshock_hazard,lognormal,0.01,0.5,,,a guess\n";
  write_files(dir_ / "tiny_priors", tiny.files);
  write_files(dir_, {{"tiny_reports.csv", kReportsHeader + "a,entries,North,,2022-09-05,2022-09-07,3000,,,count,,persons,x,2022-09-08,,\n"}});
  std::string out;
  ASSERT_EQ(run_exodus("calibrate " + (dir_ / "tiny_priors").string() + " " + (dir_ / "tiny_reports.csv").string() +
                           " --members 8 --budget 32 --quiet --out " + (dir_ / "c").string(), &out), 0) << out;
  const auto c = dir_ / "c";
  Names posterior = doc("calibrate posterior.csv columns");
  posterior.insert({"shock_hazard", "discrepancy[entries]"});
  EXPECT_EQ(csv_header(c / "posterior.csv"), posterior);
  EXPECT_EQ(csv_header(c / "forecast.csv"), doc("calibrate forecast.csv columns"));
  EXPECT_EQ(csv_header(c / "reports_fit.csv"), doc("reports_fit.csv columns"));
  const auto summary = read_json(c / "summary.json");
  EXPECT_EQ(keys(summary), doc("calibrate summary.json keys"));
  EXPECT_EQ(keys(summary["parameters"][0]), doc("calibrate summary.json parameters"));
  EXPECT_EQ(keys(summary["totals"][0]), doc("calibrate summary.json totals"));
  EXPECT_EQ(keys(read_json(c / "manifest.json")), doc("calibrate manifest.json keys"));
}

TEST_F(OutputsDoc, AFleeCalibrationsFilesHoldWhatThePageLists) {
  const TinyFleeCalibration t;
  std::string out;
  ASSERT_EQ(run_exodus(t.command("f"), &out), 0) << out;
  const auto f = t.dir / "f";
  const auto summary = read_json(f / "summary.json");
  Names posterior = doc("calibrate posterior.csv columns");
  for (const auto& p : summary["parameters"]) posterior.insert(p["parameter"].get<std::string>());
  EXPECT_TRUE(posterior.count("discrepancy[camp population]"));
  EXPECT_EQ(csv_header(f / "posterior.csv"), posterior);
  EXPECT_EQ(csv_header(f / "forecast.csv"), doc("flee calibrate forecast.csv columns"));
  // out.csv has the columns of a plain run's out.csv of the case.
  ASSERT_EQ(run_exodus("run --flee " + t.input.string() + " --validation " + t.validation.string() + " --quiet --out " +
                           (t.dir / "r").string(), &out), 0) << out;
  EXPECT_EQ(csv_header(f / "out.csv"), csv_header(t.dir / "r" / "out.csv"));
  EXPECT_EQ(keys(summary), doc("flee calibrate summary.json keys"));
  EXPECT_EQ(keys(summary["parameters"][0]), doc("calibrate summary.json parameters"));
  EXPECT_EQ(keys(summary["after_as_of"]), doc("flee calibrate summary.json after_as_of"));
  EXPECT_EQ(keys(read_json(f / "manifest.json")), doc("flee calibrate manifest.json keys"));
}

TEST_F(OutputsDoc, AnEnsemblesFilesHoldWhatThePageLists) {
  TinyScenario tiny;
  tiny.files["priors.csv"] = "parameter,prior,center,spread,lower,upper,reasoning\nshock_hazard,lognormal,0.01,0.5,,,a guess\n";
  write_files(dir_ / "tiny_priors", tiny.files);
  std::string out;
  ASSERT_EQ(run_exodus("run " + (dir_ / "tiny_priors").string() + " --members 3 --prior --quiet --out " + (dir_ / "p").string(),
                       &out), 0) << out;
  const auto p = dir_ / "p";
  Names members = doc("ensemble members.csv columns");
  members.insert("shock_hazard");
  EXPECT_EQ(csv_header(p / "members.csv"), members);
  EXPECT_EQ(csv_header(p / "forecast.csv"), doc("calibrate forecast.csv columns"));
  const auto summary = read_json(p / "summary.json");
  EXPECT_EQ(keys(summary), doc("ensemble summary.json keys"));
  EXPECT_EQ(keys(summary["parameters"][0]), doc("ensemble summary.json parameters"));
  EXPECT_EQ(keys(summary["totals"][0]), doc("calibrate summary.json totals"));
  EXPECT_EQ(keys(read_json(p / "manifest.json")), doc("ensemble manifest.json keys"));
  // The embedded scenario has reports: they are held against the ensemble in the estimate's layout.
  ASSERT_EQ(run_exodus("run --members 2 --days 30 --quiet --out " + (dir_ / "s").string(), &out), 0) << out;
  EXPECT_EQ(csv_header(dir_ / "s" / "reports_fit.csv"), doc("reports_fit.csv columns"));
  EXPECT_EQ(csv_header(dir_ / "s" / "members.csv"), doc("ensemble members.csv columns"));
}

}  // namespace
}  // namespace exodus::testing
