#pragma once
// A small Flee case held in memory, for tests that change one file at a time.
#include <map>
#include <string>

#include "exodus/core/text_source.h"
#include "exodus/io/flee/flee_readers.h"
#include "exodus/io/flee/flee_world_builder.h"

namespace exodus::testing {

struct TinyFleeCase {
  // A conflict zone A (pop 10000) -> town B -> camp C in another country; D is a second camp.
  std::map<std::string, std::string> input = {
      {"locations.csv",
       "#name,region,country,lat,lon,location_type,conflict_date,population\n"
       "A,R,Home,0,0,conflict_zone,0,10000\n"
       "B,R,Home,0,1,town,,5000\n"
       "C,R,Away,0,2,camp,,1000\n"
       "D,R,Away,0,3,camp,,500\n"},
      {"routes.csv",
       "#name1,name2,distance,forced_redirection\n"
       "A,B,100,0\n"
       "B,C,200,0\n"
       "B,D,300,0\n"},
      {"closures.csv", "#closure_type,name1,name2,closure_start,closure_end\n"},
      {"conflicts.csv", "#Day,A\n0,1\n1,1\n2,1\n3,1\n4,1\n5,1\n6,1\n7,1\n8,1\n9,1\n"},
      {"sim_period.csv", "StartDate,2020-01-01\nLength,10\n"},
  };
  std::map<std::string, std::string> validation = {
      {"data_layout.csv", "total,total.csv\nC,c.csv\nD,d.csv\n"},
      {"total.csv", "Date,count\n2020-01-01,10\n2020-01-11,110\n"},
      {"c.csv", "Date,count\n2020-01-01,10\n2020-01-11,70\n"},
      {"d.csv", "Date,count\n2020-01-01,0\n2020-01-11,40\n"},
  };
  std::string settings;  // simsetting.yml text; empty = Flee's defaults

  FleeInputs read() const {
    MemorySource in("case"), val("validation");
    for (const auto& [k, v] : input) in.put(k, v);
    for (const auto& [k, v] : validation) val.put(k, v);
    const TextFile s{"simsetting.yml", settings};
    return read_flee_case(in, validation.empty() ? nullptr : &val, settings.empty() ? nullptr : &s);
  }
  FleeWorld world() const { return build_flee_world(read(), "tiny"); }

  // No validation data; agents spawn only where tests put them.
  static constexpr const char* kNoSpawning =
      "spawn_rules:\n  conflict_driven_spawning:\n    spawn_mode: constant\n"
      "    displaced_per_conflict_day: 0\n";
  void drop_validation() {
    validation.clear();
    settings = std::string(kNoSpawning) + settings;
  }
};

}  // namespace exodus::testing
