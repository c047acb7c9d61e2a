// libFuzzer target: every reader of what exodus wrote, as `exodus score` and `exodus report`
// read it back. The first byte picks the file the rest replaces: a predictions file (read
// alone), or one file of a small output folder (a scenario run, a calibration, a Flee run),
// whose page is then built. Input errors are the expected answer to bad bytes; anything else
// escaping, a crash or a sanitizer report is a bug.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "exodus/core/error.h"
#include "exodus/io/reports/predictions_reader.h"
#include "exodus/page/folder_page.h"
#include "exodus/score/flee_out_csv_reader.h"
#include "exodus/score/flee_score.h"

namespace {

namespace fs = std::filesystem;

using Files = std::map<std::string, std::string>;

// Small but complete folders, as exodus writes them.
const std::map<std::string, Files>& folders() {
  static const std::map<std::string, Files> kFolders = {
      {"run",
       {{"manifest.json",
         R"({"exodus_version":"0.1.0","rule_set":"exodus","scenario":"s","folder":"f","start_date":"2022-09-01",)"
         R"("end_date":"2022-09-02","shock_date":"2022-09-01","seed":1,"command":"exodus run",)"
         R"("inputs":[{"file":"scenario.yaml","sha256":"ab"}],"outputs":["daily.csv","summary.json"]})"},
        {"summary.json", R"({"wall_seconds":0.5})"},
        {"daily.csv",
         "date,day,kind,place,metric,value\n2022-09-01,0,total,ALL,departures,10\n2022-09-02,1,total,ALL,departures,20\n"
         "2022-09-01,0,destination,Georgia,entries,5\n2022-09-02,1,destination,Georgia,entries,7\n"},
        {"reports_fit.csv",
         "file,id,metric,place,window,kind,observed,observed_low,observed_high,reported_by,reported_on,compared,"
         "why_not_compared,expected_median,expected_lo90,expected_hi90,predictive_median,predictive_lo90,"
         "predictive_hi90,tail_probability,verdict\n"
         "r.csv,g,entries,Georgia,2022-09-01/2022-09-02,count,12,,,Border,2022-09-03,yes,,12,12,12,12,8,16,0.5,fits\n"},
        {"places.csv", "kind,place,latitude,longitude,leads_to\nregion,Home,55,37,\ndestination,Georgia,41.7,44.8,\n"}}},
      {"band",
       {{"manifest.json",
         R"({"exodus_version":"0.1.0","verb":"calibrate","rule_set":"exodus","scenario":"s","seed":1,"members":8,)"
         R"("command":"exodus calibrate","inputs":[]})"},
        {"summary.json",
         R"({"as_of":"2022-09-01","seconds":1.5,"simulations":16,"reached_posterior":false,"intervals_include":"x",)"
         R"("totals":[{"total":"t","interval":{"median":5,"50%":[4,6],"90%":[3,8]}}],)"
         R"("parameters":[{"parameter":"p","prior":{"interval":{"90%":[0,1]}},"posterior":{"90%":[0.2,0.4]}}]})"},
        {"forecast.csv",
         "date,day,kind,place,metric,median,lo50,hi50,lo90,hi90,discrepancy\n"
         "2022-09-01,0,total,ALL,departures,10,9,11,8,12,fitted\n2022-09-02,1,total,ALL,departures,20,18,22,15,25,fitted\n"}}},
      {"flee",
       {{"manifest.json", R"({"exodus_version":"0.1.0","rule_set":"flee","case":"c","start_date":"2012-02-29","seed":1})"},
        {"out.csv",
         "Day,Date,A sim,A data,A error,Total error,refugees in camps (UNHCR),total refugees (simulation),"
         "raw UNHCR refugee count,refugees in camps (simulation),refugee_debt\n"
         "0,2012-03-01,5,6,0.1667,0.1,6,5,10,5,0\n1,2012-03-02,7,8,0.125,0.1,8,7,12,7,0\n"}}},
  };
  return kFolders;
}

// The replaceable files, in a fixed order: the first byte's choice (fuzz/make-corpora seeds it).
std::vector<std::pair<std::string, std::string>> replaceable() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [folder, files] : folders())
    for (const auto& [name, content] : files) out.emplace_back(folder, name);
  return out;
}

void write(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
}

const fs::path& root() {
  static const fs::path kRoot = [] {
    const fs::path dir = fs::temp_directory_path() / ("exodus-fuzz-outputs-" + std::to_string(::getpid()));
    for (const auto& [folder, files] : folders()) {
      fs::create_directories(dir / folder);
      for (const auto& [name, content] : files) write(dir / folder / name, content);
    }
    std::atexit([] {
      std::error_code ec;
      fs::remove_all(fs::temp_directory_path() / ("exodus-fuzz-outputs-" + std::to_string(::getpid())), ec);
    });
    return dir;
  }();
  return kRoot;
}

}  // namespace

// The seeds: each file of the folders, with its selector byte, written into the last corpus
// folder named on the command line when it is empty (the folders live here, not in a script).
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  std::string corpus;
  for (int i = 1; i < *argc; ++i)
    if ((*argv)[i][0] != '-') corpus = (*argv)[i];
  std::error_code ec;
  if (corpus.empty() || !fs::is_directory(corpus, ec) || !fs::is_empty(corpus, ec)) return 0;
  const auto files = replaceable();
  for (std::size_t i = 0; i < files.size(); ++i)
    write(fs::path(corpus) / (files[i].first + "_" + files[i].second),
          std::string(1, static_cast<char>(i)) + folders().at(files[i].first).at(files[i].second));
  write(fs::path(corpus) / "predictions.csv",
        std::string(1, static_cast<char>(files.size())) + "id,median,lo50,hi50,lo90,hi90,why_not\nx,10,9,11,8,12,\ny,,,,,,no run\n");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace exodus;
  if (size == 0) return 0;
  static const auto files = replaceable();
  const std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  const std::size_t which = data[0] % (files.size() + 1);
  try {
    if (which == files.size()) {
      read_predictions({"predictions.csv", bytes});
      return 0;
    }
    const auto& [folder, name] = files[which];
    if (name == "out.csv") score_flee(read_flee_out_csv({"out.csv", bytes}));
    write(root() / folder / name, bytes);
    try {
      page_for_folder(root() / folder);
    } catch (...) {
      write(root() / folder / name, folders().at(folder).at(name));
      throw;
    }
    write(root() / folder / name, folders().at(folder).at(name));
  } catch (const InputError&) {
  } catch (const InputErrors&) {
  }
  return 0;
}
