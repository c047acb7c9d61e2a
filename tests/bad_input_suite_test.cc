// Every kind of bad input an analyst can hand exodus, in every format, through the command
// line: `exodus check` must exit 2 and name the file, the line and the field of the problem.
// The readers' own tests cover more cases per reader; this suite covers the kinds of damage
// (empty, header only, wrong delimiter, encodings, absurd numbers, dates, names, sizes).
#include <gtest/gtest.h>

#include <ostream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <string>

#include "test_support.h"
#include "tiny_flee_case.h"
#include "tiny_scenario.h"

namespace exodus::testing {
namespace {

namespace fs = std::filesystem;

// Stand-ins for what cannot be written as text.
const std::string kDirectory = "<a directory>";
const std::string kOneGigabyte = "<a sparse 1 GiB file>";
const std::string kFifo = "<a named pipe with no writer>";

// The inputs of every format, valid until a case spoils one.
struct Inputs {
  std::map<std::string, std::string> flee = TinyFleeCase{}.input;
  std::map<std::string, std::string> validation = TinyFleeCase{}.validation;
  std::map<std::string, std::string> scenario = TinyScenario{}.files;
  std::string reports = kReportsHeader +
                        "kz-week,entries,Kazakhstan,,2022-09-21,2022-09-27,98000,,,count,in,persons,Ministry,,,\n"
                        "ge-day,entries,Georgia,,2022-09-25,2022-09-25,10000,,,count,in,persons,Ministry,,,\n";
};

enum class Format { kFlee, kFleeValidation, kFleeSettings, kScenario, kReports };

const char* format_name(Format f) {
  switch (f) {
    case Format::kFlee: return "flee";
    case Format::kFleeValidation: return "validation";
    case Format::kFleeSettings: return "settings";
    case Format::kScenario: return "scenario";
    case Format::kReports: return "reports";
  }
  return "";
}

struct Case {
  Format format;
  const char* name;
  std::function<void(Inputs&)> spoil;
  const char* expected;  // a substring of the output: "file:line: field 'x': message"
};
// The case's name, where GoogleTest would print the struct's bytes.
void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

void replace(std::string& s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  s.replace(at, from.size(), to);
}
std::string with_crlf(std::string s) {
  std::string out;
  for (char c : s) out += c == '\n' ? std::string("\r\n") : std::string(1, c);
  return out;
}
std::string with_semicolons(std::string s) {
  for (auto& c : s) if (c == ',') c = ';';
  return s;
}
const std::string kBom = "\xEF\xBB\xBF";

const Case kCases[] = {
    // --- Flee input folder -------------------------------------------------------------------
    {Format::kFlee, "empty file", [](Inputs& in) { in.flee["locations.csv"] = ""; },
     "/locations.csv: defines no locations"},
    {Format::kFlee, "header only", [](Inputs& in) { in.flee["locations.csv"] = "#name,region,country,lat,lon,location_type,conflict_date,population\n"; },
     "/locations.csv: defines no locations"},
    {Format::kFlee, "wrong delimiter", [](Inputs& in) { in.flee["routes.csv"] = with_semicolons(in.flee["routes.csv"]); },
     "/routes.csv:2: expected at least 3 columns (name1,name2,distance), found 1; the file seems to be separated by ';': exodus reads comma-separated values"},
    {Format::kFlee, "byte-order mark keeps line numbers", [](Inputs& in) {
       in.flee["locations.csv"] = kBom + in.flee["locations.csv"];
       replace(in.flee["locations.csv"], "5000", "5k"); },
     "/locations.csv:3: field 'population': expected a whole number, found '5k'"},
    {Format::kFlee, "CRLF line ends keep line numbers", [](Inputs& in) {
       in.flee["routes.csv"] = with_crlf(in.flee["routes.csv"]);
       replace(in.flee["routes.csv"], "B,D,300", "B,D,-300"); },
     "/routes.csv:4: field 'distance': must be positive"},
    {Format::kFlee, "quoted comma stays in the name", [](Inputs& in) { in.flee["routes.csv"] += "\"A,B\",C,10\n"; },
     "/routes.csv:5: field 'name1': unknown location 'A,B'"},
    {Format::kFlee, "not UTF-8", [](Inputs& in) { replace(in.flee["locations.csv"], "B,R,Home", "B\xE9" ",R,Home"); },
     "/locations.csv:3: field 'column 1': is not valid UTF-8 text (byte 0xE9; save the file as UTF-8)"},
    {Format::kFlee, "binary file", [](Inputs& in) { in.flee["conflicts.csv"] = std::string("\x7F" "ELF\0\0", 6); },
     "/conflicts.csv:1: field 'column 1': contains a NUL byte (binary file?)"},
    // A name that would recolour or rewrite the terminal wherever it is printed (C1 CSI, in UTF-8).
    {Format::kFlee, "control character in a name", [](Inputs& in) { replace(in.flee["locations.csv"], "B,R,Home", "B\xC2\x9B" "2J,R,Home"); },
     "/locations.csv:3: field 'column 1': holds the control character U+009B (CSI)"},
    {Format::kFlee, "huge number", [](Inputs& in) { replace(in.flee["locations.csv"], "10000", "100000000000000000000"); },
     "/locations.csv:2: field 'population': number '100000000000000000000' is out of range"},
    {Format::kFlee, "NaN", [](Inputs& in) { replace(in.flee["locations.csv"], "B,R,Home,0,1", "B,R,Home,nan,1"); },
     "/locations.csv:3: field 'latitude': expected a finite number, found 'nan'"},
    {Format::kFlee, "negative count", [](Inputs& in) { replace(in.flee["locations.csv"], "5000", "-5000"); },
     "/locations.csv:3: field 'population': -5000 is outside the allowed range"},
    {Format::kFlee, "date out of range", [](Inputs& in) { replace(in.flee["sim_period.csv"], "2020-01-01", "2020-13-01"); },
     "/sim_period.csv:1: field 'StartDate': expected a date as YYYY-MM-DD"},
    {Format::kFlee, "reversed window", [](Inputs& in) { in.flee["closures.csv"] += "link,A,B,5,2\n"; },
     "/closures.csv:2: field 'closure_end': day 2 is before closure_start 5"},
    {Format::kFlee, "unknown place", [](Inputs& in) { in.flee["routes.csv"] += "A,Timbuktu,10\n"; },
     "/routes.csv:5: field 'name2': unknown location 'Timbuktu'"},
    {Format::kFlee, "duplicate id", [](Inputs& in) { in.flee["locations.csv"] += "C,R,Away,0,2,camp,,1000\n"; },
     "/locations.csv:6: field 'name': duplicate location 'C' (first defined on line 4)"},
    {Format::kFlee, "route to itself", [](Inputs& in) { in.flee["routes.csv"] += "D,D,5\n"; },
     "/routes.csv:5: field 'name2': route from 'D' to itself"},
    {Format::kFlee, "missing file", [](Inputs& in) { in.flee.erase("routes.csv"); },
     "/routes.csv: file not found"},
    {Format::kFlee, "directory instead of a file", [](Inputs& in) { in.flee["routes.csv"] = kDirectory; },
     "/routes.csv: is a directory, expected a file"},
    {Format::kFlee, "1 GB file", [](Inputs& in) { in.flee["conflicts.csv"] = kOneGigabyte; },
     "/conflicts.csv: is 1,024 MiB; input files are read whole into memory, and the limit is 256 MiB (raise it with --max-input-mb)"},
    {Format::kFlee, "line over 1 MiB", [](Inputs& in) { in.flee["conflicts.csv"] = "#Day," + std::string(2 << 20, 'A') + "\n"; },
     "/conflicts.csv:1: has a line longer than 1 MiB"},
    {Format::kFlee, "absurd day count", [](Inputs& in) { replace(in.flee["sim_period.csv"], "Length,10", "Length,1000000000"); },
     "/sim_period.csv:2: field 'Length': the run would last 1,000,000,000 days; the limit is 3,660 (raise it with --max-days)"},
    // Routes grow factorially through markers (each passed without using a step) and as
    // links^awareness_level around a hub: a few hundred bytes could ask for gigabytes.
    {Format::kFlee, "routes through a clique of markers", [](Inputs& in) {
       for (int i = 0; i < 11; ++i) in.flee["locations.csv"] += "M" + std::to_string(i) + ",R,Home,0,0,marker,,0\n";
       for (int i = 0; i < 11; ++i) {
         in.flee["routes.csv"] += "B,M" + std::to_string(i) + ",1,0\n";
         for (int j = i + 1; j < 11; ++j) in.flee["routes.csv"] += "M" + std::to_string(i) + ",M" + std::to_string(j) + ",1,0\n";
       }
     },
     "/routes.csv: the route search at awareness_level 1 has more than 50,000,000 links to follow: routes grow "
     "factorially through markers and as links^awareness_level around a hub; the limit is 50,000,000 (raise it "
     "with --max-route-steps)"},
    {Format::kFleeSettings, "routes around a hub", [](Inputs& in) {
       in.flee["simsetting.yml"] = "move_rules:\n  awareness_level: 2\n";
       for (int i = 0; i < 8000; ++i) {
         in.flee["locations.csv"] += "T" + std::to_string(i) + ",R,Home,0,0,town,,0\n";
         in.flee["routes.csv"] += "B,T" + std::to_string(i) + ",1,0\n";
       }
     },
     "/routes.csv: the route search at awareness_level 2 has more than 50,000,000 links to follow"},
    {Format::kFlee, "Length zero is wrong, not missing", [](Inputs& in) { replace(in.flee["sim_period.csv"], "Length,10", "Length,0"); },
     "/sim_period.csv:2: field 'Length': is 0; a run lasts at least 1 day"},
    // --- Flee validation folder --------------------------------------------------------------
    {Format::kFleeValidation, "absurd agent count", [](Inputs& in) { replace(in.validation["c.csv"], "2020-01-11,70", "2020-01-11,9000000000"); },
     "/data_layout.csv: the case would create about 8.1e+09 agents, from the validation data's arrivals (data-driven spawning) (about 405 GB of agent state); the limit is 200,000,000 (raise it with --max-agents)"},
    {Format::kFleeValidation, "count above the world's population", [](Inputs& in) { replace(in.validation["c.csv"], "2020-01-11,70", "2020-01-11,1e12"); },
     "/c.csv:3: field 'count': 1e+12 is more people than live on Earth"},
    {Format::kFleeValidation, "date not a date", [](Inputs& in) { replace(in.validation["d.csv"], "2020-01-11", "11.01.2020"); },
     "/d.csv:3: field 'date': expected a date as YYYY-MM-DD, found '11.01.2020'"},
    {Format::kFleeValidation, "layout names a missing file", [](Inputs& in) { in.validation.erase("d.csv"); },
     "/data_layout.csv:3: field 'file 1': 'd.csv': file not found"},
    {Format::kFleeValidation, "camp without a series", [](Inputs& in) { in.validation["data_layout.csv"] = "total,total.csv\nC,c.csv\n"; },
     "/data_layout.csv: camp 'D' of locations.csv has no row"},
    {Format::kFleeValidation, "control character in a date", [](Inputs& in) { replace(in.validation["c.csv"], "2020-01-11,70", "2020-01-11\x1b,70"); },
     "/data_layout.csv:2: field 'file 1': 'c.csv': holds the control character U+001B (ESC)"},
    // --- simsetting.yml ------------------------------------------------------------------------
    {Format::kFleeSettings, "unknown setting", [](Inputs& in) { in.flee["simsetting.yml"] = "move_rules:\n  max_move_sped: 200\n"; },
     "/simsetting.yml:2: field 'move_rules.max_move_sped': unknown setting"},
    {Format::kFleeSettings, "NaN", [](Inputs& in) { in.flee["simsetting.yml"] = "move_rules:\n  softening: .nan\n"; },
     "/simsetting.yml:2: field 'move_rules.softening': expected a number"},
    {Format::kFleeSettings, "not YAML", [](Inputs& in) { in.flee["simsetting.yml"] = "move_rules: [\n"; },
     "/simsetting.yml:2: not valid YAML"},
    {Format::kFleeSettings, "control character", [](Inputs& in) { in.flee["simsetting.yml"] = "move_rules:\n  max_move_speed: 200\x7F\n"; },
     "/simsetting.yml:2: holds the control character U+007F (DEL)"},
    {Format::kFleeSettings, "probability above one", [](Inputs& in) { in.flee["simsetting.yml"] = "move_rules:\n  camp_movechance: 1.5\n"; },
     "/simsetting.yml:2: field 'move_rules.camp_movechance': must be a probability in [0, 1]"},
    // --- scenario folder ---------------------------------------------------------------------
    {Format::kScenario, "empty scenario.yaml", [](Inputs& in) { in.scenario["scenario.yaml"] = ""; },
     "/scenario.yaml: is empty; expected at least name, start_date, end_date and shock_date"},
    {Format::kScenario, "header only", [](Inputs& in) { in.scenario["regions.csv"] = "region,latitude,longitude,eligible_pool,other_pool,share_can_fly\n"; },
     "/regions.csv: defines no region"},
    {Format::kScenario, "wrong delimiter", [](Inputs& in) { in.scenario["checkpoints.csv"] = with_semicolons(in.scenario["checkpoints.csv"]); },
     "/checkpoints.csv:1: the header is one column; the file seems to be separated by ';': exodus reads comma-separated values"},
    {Format::kScenario, "byte-order mark on the header", [](Inputs& in) {
       in.scenario["regions.csv"] = kBom + in.scenario["regions.csv"];
       replace(in.scenario["regions.csv"], "1000000,0", "-1000000,0"); },
     "/regions.csv:2: field 'eligible_pool': -1000000 is outside the allowed range"},
    {Format::kScenario, "CRLF line ends", [](Inputs& in) {
       in.scenario["checkpoints.csv"] = with_crlf(in.scenario["checkpoints.csv"]);
       replace(in.scenario["checkpoints.csv"], "S1,South,48,40,1000", "S1,South,48,40,-1000"); },
     "/checkpoints.csv:3: field 'vehicles_per_day': -1000 is outside the allowed range"},
    {Format::kScenario, "quoted comma in a note", [](Inputs& in) {
       in.scenario["events.csv"] += "2022-09-06,close,N1,0,2022-09-04,\"closed, then reopened\"\n";
       replace(in.scenario["events.csv"], "date,kind,target,value", "date,kind,target,value,end_date,note"); },
     "/events.csv:2: field 'end_date': is before date"},
    {Format::kScenario, "not UTF-8", [](Inputs& in) { replace(in.scenario["destinations.csv"], "South,", "S\xFC" "d,"); },
     "/destinations.csv:3: field 'column 1': is not valid UTF-8 text (byte 0xFC; save the file as UTF-8)"},
    {Format::kScenario, "ANSI escape in a name", [](Inputs& in) { replace(in.scenario["checkpoints.csv"], "N1,North", "N1\x1b[31m,North"); },
     "/checkpoints.csv:2: field 'column 1': holds the control character U+001B (ESC)"},
    {Format::kScenario, "ANSI escape written as a YAML escape", [](Inputs& in) { replace(in.scenario["scenario.yaml"], "name: tiny", "name: \"tiny\\e[2J\""); },
     "/scenario.yaml:1: field 'name': holds the control character U+001B (ESC)"},
    {Format::kScenario, "NaN capacity", [](Inputs& in) { replace(in.scenario["checkpoints.csv"], "N1,North,52,40,1000", "N1,North,52,40,NaN"); },
     "/checkpoints.csv:2: field 'vehicles_per_day': expected a finite number, found 'NaN'"},
    {Format::kScenario, "huge number", [](Inputs& in) { replace(in.scenario["regions.csv"], "1000000,0", "1e300,0"); },
     "/regions.csv:2: field 'eligible_pool': 1e+300 is outside the allowed range"},
    {Format::kScenario, "name leaving runs/", [](Inputs& in) { replace(in.scenario["scenario.yaml"], "name: tiny", "name: ../../escape"); },
     "/scenario.yaml:1: field 'name': names the output folder, so it may hold only letters, digits, '-', '_' and '.' (not '/')"},
    {Format::kScenario, "date out of range", [](Inputs& in) { replace(in.scenario["scenario.yaml"], "shock_date: 2022-09-05", "shock_date: 2022-02-30"); },
     "/scenario.yaml:4: field 'shock_date': expected a date as YYYY-MM-DD, found '2022-02-30'"},
    {Format::kScenario, "reversed window", [](Inputs& in) { in.scenario["targets.csv"] += "t,entries,North,2022-09-10,2022-09-05,1,0,2\n"; },
     "/targets.csv:2: field 'window_end': is before window_start"},
    {Format::kScenario, "unknown place", [](Inputs& in) { in.scenario["checkpoints.csv"] += "M1,Mars,50,40,10,2,0\n"; },
     "/checkpoints.csv:4: field 'destination': unknown destination 'Mars'"},
    {Format::kScenario, "duplicate id", [](Inputs& in) { in.scenario["checkpoints.csv"] += "N1,North,52,40,10,2,0\n"; },
     "/checkpoints.csv:4: field 'checkpoint': duplicate checkpoint 'N1'"},
    {Format::kScenario, "kinds of leaver whose shares do not sum to 1",
     [](Inputs& in) { in.scenario["leavers.csv"] = "kind,share,shock_hazard,shock_decay_days,source\nsummoned,0.5,0.01,3,a\nwary,0.3,0.001,60,b\n"; },
     "/leavers.csv:3: field 'share': the kinds' shares sum to 0.8, not 1"},
    {Format::kScenario, "a kind of leaver bound for an unknown destination",
     [](Inputs& in) { in.scenario["leavers.csv"] = "kind,share,shock_hazard,shock_decay_days,destinations,source\nall,1,0.01,3,North;Nowhere,a\n"; },
     "/leavers.csv:2: field 'destinations': unknown destination 'Nowhere'"},
    {Format::kScenario, "a kind of leaver that rests on nothing",
     [](Inputs& in) { in.scenario["leavers.csv"] = "kind,share,shock_hazard,shock_decay_days\nall,1,0.01,3\n"; },
     "/leavers.csv:2: field 'source': is empty, as is assumption"},
    {Format::kScenario, "a weekly profile of six days",
     [](Inputs& in) { replace(in.scenario["checkpoints.csv"], "baseline_per_day\n", "baseline_per_day,weekly_profile\n");
                      replace(in.scenario["checkpoints.csv"], "1000,2,100\n", "1000,2,100,1;1;1;1;1;2\n");
                      replace(in.scenario["checkpoints.csv"], "1000,2,0\n", "1000,2,0,\n"); },
     "/checkpoints.csv:2: field 'weekly_profile': has 6 factors; give 7"},
    {Format::kScenario, "a weekly profile that changes the level",
     [](Inputs& in) { replace(in.scenario["checkpoints.csv"], "baseline_per_day\n", "baseline_per_day,weekly_profile\n");
                      replace(in.scenario["checkpoints.csv"], "1000,2,100\n", "1000,2,100,1;1;1;1;1;2;2\n");
                      replace(in.scenario["checkpoints.csv"], "1000,2,0\n", "1000,2,0,\n"); },
     "/checkpoints.csv:2: field 'weekly_profile': the factors' mean is 1.286; it must be 1"},
    {Format::kScenario, "a reports file that is not there",
     [](Inputs& in) { in.scenario["scenario.yaml"] += "reports:\n  - seen.csv\n"; },
     "/scenario.yaml:12: field 'reports': names 'seen.csv', which is not there"},
    {Format::kScenario, "a reports file with a bad row",
     [](Inputs& in) {
       in.scenario["scenario.yaml"] += "reports:\n  - r.csv\n";
       in.scenario["r.csv"] = kReportsHeader + "a,entries,North,,2022-09-05,2022-09-06,10,,,guess,in,persons,,,,\n";
     },
     "/r.csv:2: field 'kind'"},
    {Format::kScenario, "unreachable destination", [](Inputs& in) { in.scenario["destinations.csv"] += "Island,0,0,7,0,10,\n"; },
     "/destinations.csv:5: field 'destination': no checkpoint (checkpoints.csv) or flight (flights.csv) leads to 'Island'"},
    {Format::kScenario, "missing file", [](Inputs& in) { in.scenario.erase("regions.csv"); },
     "/regions.csv: file not found"},
    {Format::kScenario, "directory instead of a file", [](Inputs& in) { in.scenario["checkpoints.csv"] = kDirectory; },
     "/checkpoints.csv: is a directory, expected a file"},
    {Format::kScenario, "absurd day count", [](Inputs& in) { replace(in.scenario["scenario.yaml"], "end_date: 2022-09-20", "end_date: 9999-12-31"); },
     "/scenario.yaml:3: field 'end_date': the scenario spans 2,913,661 days; the limit is 3,660 (raise it with --max-days)"},
    {Format::kScenario, "absurd agent count", [](Inputs& in) {
       replace(in.scenario["regions.csv"], "1000000,0", "1000000000,1000000000");
       replace(in.scenario["scenario.yaml"], "shock_hazard: 0.01", "shock_hazard: 1"); },
     "/regions.csv:2: field 'eligible_pool': the pools and hazards would make about 1e+09 people leave"},
    // Dated rows that could never act or be checked.
    {Format::kScenario, "event after the end", [](Inputs& in) { in.scenario["events.csv"] += "2022-10-01,close,N1,\n"; },
     "/events.csv:2: field 'date': is after the scenario's end_date (2022-09-20): the event would never act"},
    {Format::kScenario, "event ending before the start", [](Inputs& in) {
       in.scenario["events.csv"] = "date,kind,target,value,end_date\n2022-01-01,hazard_scale,ALL,2,2022-02-01\n"; },
     "/events.csv:2: field 'end_date': is before the scenario's start_date (2022-09-01): the event would never act"},
    {Format::kScenario, "target outside the run", [](Inputs& in) {
       in.scenario["targets.csv"] += "t,entries,North,2023-01-01,2023-01-31,100,50,200\n"; },
     "/targets.csv:2: field 'window_start': the window 2023-01-01 to 2023-01-31 lies outside the simulated days "
     "(2022-09-01 to 2022-09-20)"},
    {Format::kScenario, "more events than a run walks", [](Inputs& in) {
       std::string rows = "date,kind,target,value\n";
       for (int i = 0; i < 100'001; ++i) rows += "2022-09-02,throughput,N1,1\n";
       in.scenario["events.csv"] = rows; },
     "/events.csv: defines 100,001 events; exodus handles at most 100,000"},
    // --- YAML, both formats ---------------------------------------------------------------------
    {Format::kScenario, "key given twice", [](Inputs& in) { in.scenario["scenario.yaml"] += "parameters:\n  base_hazard: 0.5\n"; },
     "/scenario.yaml:11: field 'parameters': appears twice (first on line 6); give each key once"},
    {Format::kFleeSettings, "key given twice", [](Inputs& in) {
       in.flee["simsetting.yml"] = "move_rules:\n  max_move_speed: 200\n  max_move_speed: 300\n"; },
     "/simsetting.yml:3: field 'move_rules.max_move_speed': appears twice (first on line 2)"},
    {Format::kScenario, "nested too deep", [](Inputs& in) {
       in.scenario["scenario.yaml"] += "description: " + std::string(3000, '[') + std::string(3000, ']') + "\n"; },
     "/scenario.yaml:11: nests 500 levels deep or more"},
    // --- reports file ------------------------------------------------------------------------
    {Format::kReports, "empty file", [](Inputs& in) { in.reports = ""; }, "/reports.csv: is empty; expected a header"},
    {Format::kReports, "header only", [](Inputs& in) { in.reports = kReportsHeader; }, "/reports.csv: holds no report"},
    {Format::kReports, "wrong delimiter", [](Inputs& in) { in.reports = with_semicolons(in.reports); },
     "/reports.csv:1: the header is one column; the file seems to be separated by ';'"},
    {Format::kReports, "byte-order mark and CRLF", [](Inputs& in) {
       in.reports = kBom + with_crlf(in.reports);
       replace(in.reports, "10000,,,count", "-10000,,,count"); },
     "/reports.csv:3: field 'value': must be positive"},
    {Format::kReports, "quoted comma in a quote", [](Inputs& in) {
       in.reports += "q,entries,Georgia,,2022-09-22,2022-09-28,53000,,,rumour,in,persons,Ministry,,,\"53,000 entered\"\n"; },
     "/reports.csv:4: field 'kind': unknown kind 'rumour'"},
    // An estimate's work grows with its reports and as the cube of its corridors.
    {Format::kReports, "more reports than an estimate fits", [](Inputs& in) {
       for (int i = 0; i < 10'000; ++i)
         in.reports += "r" + std::to_string(i) + ",entries,Georgia,,2022-09-21,2022-09-27,100,,,count,in,persons,M,,,\n"; },
     "/reports.csv:10002: holds more than 10,000 reports; the limit is 10,000 (raise it with --max-reports)"},
    {Format::kReports, "more corridors than an estimate fits", [](Inputs& in) {
       for (int i = 0; i < 70; ++i)
         in.reports += "r" + std::to_string(i) + ",entries,Land " + std::to_string(i) +
                       ",,2022-09-21,2022-09-27,100,,,count,in,persons,M,,,\n"; },
     "/reports.csv: field 'destination': names 72 destinations, so the estimate would fit 73 corridors (with "
     "'other'); its time grows as the cube of the corridors; the limit is 64 (raise it with --max-corridors)"},
    {Format::kReports, "a count too close to zero", [](Inputs& in) { replace(in.reports, "98000", "1e-320"); },
     "/reports.csv:2: field 'value': number '1e-320' is too close to zero to be a figure (0?)"},
    {Format::kReports, "NaN", [](Inputs& in) { replace(in.reports, "98000", "nan"); },
     "/reports.csv:2: field 'value': expected a finite number, found 'nan'"},
    {Format::kReports, "huge number", [](Inputs& in) { replace(in.reports, "98000", "1e300"); },
     "/reports.csv:2: field 'value': is implausibly large (above 10 billion)"},
    {Format::kReports, "reversed window", [](Inputs& in) { replace(in.reports, "2022-09-21,2022-09-27", "2022-09-27,2022-09-21"); },
     "/reports.csv:2: field 'window_end': is before window_start"},
    {Format::kReports, "date out of range", [](Inputs& in) { replace(in.reports, "2022-09-21,2022-09-27", "2022-09-21,2022-09-31"); },
     "/reports.csv:2: field 'window_end': expected a date as YYYY-MM-DD, found '2022-09-31'"},
    {Format::kReports, "duplicate id", [](Inputs& in) { replace(in.reports, "ge-day", "kz-week"); },
     "/reports.csv:3: field 'id': duplicate report id"},
    {Format::kReports, "not UTF-8", [](Inputs& in) { replace(in.reports, "Ministry", "Ministerstvo \xC0" ""); },
     "/reports.csv:2: field 'column 13': is not valid UTF-8 text (byte 0xC0; save the file as UTF-8)"},
    {Format::kReports, "ANSI escape in reported_by", [](Inputs& in) { replace(in.reports, "Ministry", "Ministry\x1b]0;retitled\x07"); },
     "/reports.csv:2: field 'column 13': holds the control character U+001B (ESC)"},
    {Format::kReports, "directory instead of a file", [](Inputs& in) { in.reports = kDirectory; },
     "/reports.csv: is a directory, expected a reports file"},
    {Format::kReports, "named pipe instead of a file", [](Inputs& in) { in.reports = kFifo; },
     "/reports.csv: is neither a folder nor a regular file (a device, pipe or socket?)"},
    {Format::kScenario, "directory instead of an optional file", [](Inputs& in) { in.scenario["targets.csv"] = kDirectory; },
     "/targets.csv: is a directory, expected a file"},
    {Format::kScenario, "named pipe instead of a file", [](Inputs& in) { in.scenario["events.csv"] = kFifo; },
     "/events.csv: is not a regular file (a device, pipe or socket); give a file"},
};

// Writes one input file; kDirectory and kOneGigabyte stand for what cannot be written as text.
void put(const fs::path& path, const std::string& content) {
  if (content == kDirectory) {
    fs::create_directories(path);
  } else if (content == kFifo) {
    // Opening it for reading would wait for a writer forever: refused before it is opened.
    ASSERT_EQ(::mkfifo(path.c_str(), 0644), 0);
  } else if (content == kOneGigabyte) {
    // Sparse: a gigabyte of file that takes no disk, refused before a byte is read.
    const int fd = ::open(path.c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0644);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::ftruncate(fd, off_t{1} << 30), 0);
    ::close(fd);
  } else {
    std::ofstream(path, std::ios::binary) << content;
  }
}

// Writes every format under `dir`: flee/, validation/, scenario/ and reports.csv.
void write_inputs(const fs::path& dir, const Inputs& in) {
  const auto write_folder = [](const fs::path& folder, const std::map<std::string, std::string>& files) {
    fs::create_directories(folder);
    for (const auto& [name, content] : files) put(folder / name, content);
  };
  write_folder(dir / "flee", in.flee);
  write_folder(dir / "validation", in.validation);
  write_folder(dir / "scenario", in.scenario);
  put(dir / "reports.csv", in.reports);
}

// The arguments of `exodus check` for the inputs of `format` written by write_inputs.
std::string check_target(const fs::path& dir, Format format) {
  switch (format) {
    case Format::kFlee:
    case Format::kFleeValidation:
    case Format::kFleeSettings:
      return (dir / "flee").string() + " --validation " + (dir / "validation").string();
    case Format::kScenario:
      return (dir / "scenario").string();
    case Format::kReports:
      return (dir / "reports.csv").string();
  }
  return "";
}

class BadInputSuite : public ::testing::TestWithParam<Case> {
 protected:
  void SetUp() override { dir_ = make_temp_dir("bad-input"); }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_P(BadInputSuite, CheckExitsTwoNamingFileLineAndField) {
  const Case& c = GetParam();
  Inputs in;
  c.spoil(in);
  write_inputs(dir_, in);
  std::string out;
  EXPECT_EQ(run_exodus("check " + check_target(dir_, c.format), &out), 2) << out;
  EXPECT_NE(out.find(c.expected), std::string::npos) << "expected: " << c.expected << "\ngot:\n" << out;
}

INSTANTIATE_TEST_SUITE_P(Formats, BadInputSuite, ::testing::ValuesIn(kCases), [](const auto& case_info) {
  std::string n = std::string(format_name(case_info.param.format)) + "_" + case_info.param.name;
  for (auto& ch : n) if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return n;
});

TEST(BadInputSuite, TheUnspoiledInputsPassCheck) {
  const auto dir = make_temp_dir("good-input");
  write_inputs(dir, Inputs{});
  std::string out;
  EXPECT_EQ(run_exodus("check " + check_target(dir, Format::kFlee), &out), 0) << out;
  EXPECT_EQ(run_exodus("check " + check_target(dir, Format::kScenario), &out), 0) << out;
  EXPECT_EQ(run_exodus("check " + check_target(dir, Format::kReports), &out), 0) << out;
  fs::remove_all(dir);
}

// A Flee folder's cross-file problems are listed beside a single file's, not hidden by it.
TEST(BadInputSuite, AFleeFoldersCrossFileProblemsShowBesideASingleFilesOnes) {
  const auto dir = make_temp_dir("flee-many-problems");
  Inputs in;
  in.flee["routes.csv"] += "B,C,far,0\n";                                 // one file: a bad number
  in.flee["closures.csv"] += "link,X1,Y1,0,5\n";                          // across files: unknown names
  write_inputs(dir, in);
  std::string out;
  EXPECT_EQ(run_exodus("check " + check_target(dir, Format::kFlee), &out), 2);
  EXPECT_NE(out.find("routes.csv:5: field 'distance'"), std::string::npos) << out;
  EXPECT_NE(out.find("closures.csv:2: field 'name1': unknown location 'X1'"), std::string::npos) << out;
  EXPECT_NE(out.find("closures.csv:2: field 'name2': unknown location 'Y1'"), std::string::npos) << out;
  EXPECT_NE(out.find("3 problems found"), std::string::npos) << out;
  // Length 0 is one problem, not also "missing".
  replace(in.flee["sim_period.csv"], "Length,10", "Length,0");
  write_inputs(dir, in);
  EXPECT_EQ(run_exodus("check " + check_target(dir, Format::kFlee), &out), 2);
  EXPECT_EQ(out.find("is missing"), std::string::npos) << out;
  fs::remove_all(dir);
}

// Net arrivals are entries less exits: a negative figure is a figure, not an error.
TEST(BadInputSuite, NegativeNetArrivalsAreAccepted) {
  const auto dir = make_temp_dir("net-negative");
  Inputs in;
  in.reports += "net,net_arrivals,Georgia,,2022-10-20,2022-10-26,-4000,-6000,-2000,estimate,,persons,Ministry,,,\n";
  write_inputs(dir, in);
  std::string out;
  EXPECT_EQ(run_exodus("check " + check_target(dir, Format::kReports), &out), 0) << out;
  fs::remove_all(dir);
}

TEST(BadInputSuite, CheckListsEveryProblemOfAFolderNotJustTheFirst) {
  const auto dir = make_temp_dir("many-problems");
  Inputs in;
  replace(in.scenario["regions.csv"], "1000000,0", "-1,0");
  in.scenario["checkpoints.csv"] += "M1,Mars,50,40,10,2,0\n";
  in.scenario["targets.csv"] += "t,entries,North,2022-09-10,2022-09-05,1,0,2\n";
  write_inputs(dir, in);
  std::string out;
  EXPECT_EQ(run_exodus("check " + check_target(dir, Format::kScenario), &out), 2);
  EXPECT_NE(out.find("regions.csv:2: field 'eligible_pool'"), std::string::npos) << out;
  EXPECT_NE(out.find("checkpoints.csv:4: field 'destination'"), std::string::npos) << out;
  EXPECT_NE(out.find("targets.csv:2: field 'window_end'"), std::string::npos) << out;
  EXPECT_NE(out.find("3 problems found"), std::string::npos) << out;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace exodus::testing
