#pragma once
// Simulated and observed camp populations per day: what Flee's out.csv holds and what the
// validation error is computed from. Produced by a run's recorder or read from an out.csv.
#include <cstdint>
#include <string>
#include <vector>

namespace exodus {

struct CampTable {
  std::vector<std::string> camps;
  std::vector<std::vector<std::int64_t>> sim;   // [day][camp]
  std::vector<std::vector<std::int64_t>> data;  // [day][camp]
  std::vector<std::int64_t> sim_in_camps;       // Σ_c sim, per day
  std::vector<std::int64_t> data_in_camps;      // Σ_c data, per day
  std::vector<std::int64_t> agents;             // all agents, per day
  std::vector<std::int64_t> raw_count;          // Flee's "raw UNHCR refugee count"
  std::vector<std::int64_t> debt;               // Flee's refugee_debt
  std::size_t days() const { return sim.size(); }
};

}  // namespace exodus
