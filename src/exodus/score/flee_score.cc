#include "exodus/score/flee_score.h"

#include <fmt/format.h>

#include <cstdlib>

#include "exodus/core/csv.h"
#include "exodus/core/error.h"
#include "exodus/core/parse.h"

namespace exodus {

double flee_total_error(const CampTable& t, std::size_t day) {
  if (t.raw_count[day] <= 0) return 0.0;
  double sum = 0;
  for (std::size_t c = 0; c < t.camps.size(); ++c)
    sum += static_cast<double>(std::llabs(t.sim[day][c] - t.data[day][c]));
  return sum / static_cast<double>(t.raw_count[day]);
}

FleeScore score_flee(const CampTable& t, std::size_t days) {
  FleeScore s;
  const std::size_t n = days == 0 || days > t.days() ? t.days() : days;
  for (std::size_t d = 0; d < n; ++d) {
    const double denominator = static_cast<double>(std::max<std::int64_t>(t.data_in_camps[d], 1));
    double raw = 0, rescaled = 0;
    for (std::size_t c = 0; c < t.camps.size(); ++c) {
      const auto sim = t.sim[d][c];
      const auto data = t.data[d][c];
      raw += static_cast<double>(std::llabs(sim - data));
      std::int64_t scaled = 0;
      if (t.sim_in_camps[d] > 0)
        scaled = static_cast<std::int64_t>(static_cast<double>(sim) *
                                           static_cast<double>(t.data_in_camps[d]) /
                                           static_cast<double>(t.sim_in_camps[d]));
      rescaled += static_cast<double>(std::llabs(scaled - data));
    }
    s.error.push_back(raw / denominator);
    s.error_rescaled.push_back(rescaled / denominator);
    s.total_error.push_back(flee_total_error(t, d));
  }
  const auto mean = [](const std::vector<double>& v) {
    double sum = 0;
    for (double x : v) sum += x;
    return v.empty() ? 0.0 : sum / static_cast<double>(v.size());
  };
  s.ard = mean(s.error);
  s.ard_rescaled = mean(s.error_rescaled);
  s.mean_total_error = mean(s.total_error);
  return s;
}

CampTable read_flee_out_csv(const TextFile& file) {
  const auto rows = parse_csv(file);
  if (rows.empty()) throw InputError({file.name, 0, ""}, "is empty");
  const auto& header = rows.front().fields;
  CampTable t;
  std::vector<std::size_t> sim_col, data_col;
  std::size_t in_camps_data = 0, in_camps_sim = 0, agents = 0, raw = 0, debt = 0;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string& h = header[i];
    if (h.size() > 4 && h.ends_with(" sim")) {
      t.camps.push_back(h.substr(0, h.size() - 4));
      sim_col.push_back(i);
      data_col.push_back(i + 1);
    }
    if (h == "refugees in camps (UNHCR)") in_camps_data = i;
    if (h == "refugees in camps (simulation)") in_camps_sim = i;
    if (h == "total refugees (simulation)") agents = i;
    if (h == "raw UNHCR refugee count") raw = i;
    if (h == "refugee_debt") debt = i;
  }
  if (t.camps.empty() || !in_camps_data || !in_camps_sim)
    throw InputError({file.name, rows.front().line, ""},
                     "is not a Flee out.csv (no '<camp> sim' or 'refugees in camps' columns)");
  const auto number = [&](const CsvRow& row, std::size_t col) -> std::int64_t {
    if (col == 0) return 0;
    if (col >= row.fields.size())
      throw InputError({file.name, row.line, header[col]}, "missing");
    return static_cast<std::int64_t>(parse_double(row.fields[col], {file.name, row.line, header[col]}));
  };
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    std::vector<std::int64_t> sim, data;
    for (std::size_t c = 0; c < t.camps.size(); ++c) {
      sim.push_back(number(row, sim_col[c]));
      data.push_back(number(row, data_col[c]));
    }
    t.sim.push_back(std::move(sim));
    t.data.push_back(std::move(data));
    t.data_in_camps.push_back(number(row, in_camps_data));
    t.sim_in_camps.push_back(number(row, in_camps_sim));
    t.agents.push_back(number(row, agents));
    t.raw_count.push_back(number(row, raw));
    t.debt.push_back(number(row, debt));
  }
  return t;
}

}  // namespace exodus
