#pragma once
// A small exodus scenario held in memory: one region, two checkpoints, one flight.
#include <map>
#include <string>

#include "exodus/core/text_source.h"
#include "exodus/io/scenario/scenario_reader.h"

namespace exodus::testing {

struct TinyScenario {
  std::map<std::string, std::string> files = {
      {"scenario.yaml",
       "name: tiny\nstart_date: 2022-09-01\nend_date: 2022-09-20\nshock_date: 2022-09-05\nseed: 1\n"
       "parameters:\n  base_hazard: 0\n  shock_hazard: 0.01\n  shock_decay_days: 3\n  other_hazard_ratio: 0\n"},
      {"regions.csv",
       "region,latitude,longitude,eligible_pool,other_pool,share_can_fly\nHome,50,40,1000000,0,0.2\n"},
      {"destinations.csv",
       "destination,attractiveness,onward_share,onward_days,return_share,return_days,groups\n"
       "North,0,0,7,0.5,10,Club\nSouth,0,0,7,0,10,\nAir,0,0,7,0,10,\n"},
      {"checkpoints.csv",
       "checkpoint,destination,latitude,longitude,vehicles_per_day,persons_per_vehicle,baseline_per_day\n"
       "N1,North,52,40,1000,2,100\nS1,South,48,40,1000,2,0\n"},
      {"flights.csv", "region,destination,seats_per_day,base_price\nHome,Air,100,100\n"},
      {"events.csv", "date,kind,target,value\n"},
      {"targets.csv", "id,metric,place,window_start,window_end,value,low,high\n"},
  };
  MemorySource source() const {
    MemorySource s("tiny");
    for (const auto& [k, v] : files) s.put(k, v);
    return s;
  }
  Scenario read() const { return read_scenario(source()); }
};

}  // namespace exodus::testing
